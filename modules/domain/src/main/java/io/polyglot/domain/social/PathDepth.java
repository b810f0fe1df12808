package io.polyglot.domain.social;

import io.polyglot.domain.shared.QueryNumbers;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * How many hops a path search may take: 1 to 6. Graph stores cannot take the bound of a
 * variable-length pattern as a query parameter, so adapters write this value into the
 * query text; the constructor is what makes that safe, because no value outside 1..6 (and
 * nothing but an int) can ever exist.
 */
public record PathDepth(int value) {

	/** The shallowest search. */
	public static final int MIN = 1;

	/** The deepest search: six degrees, and a bound on the traversal's cost. */
	public static final int MAX = 6;

	private static final String RULE = "must be an integer between " + MIN + " and " + MAX;

	public PathDepth {
		if (value < MIN || value > MAX) {
			throw new ValidationException("maxDepth", RULE);
		}
	}

	/** The depth from an optional query parameter; absent means {@link #MAX}. */
	public static PathDepth parse(@Nullable String text) {
		Integer depth = QueryNumbers.parse("maxDepth", text, MIN, MAX);
		return new PathDepth((depth != null) ? depth : MAX);
	}

}
