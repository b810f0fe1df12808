package io.polyglot.domain.social;

import java.util.List;
import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.QueryNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Friends of the caller's friends who are not friends yet, most mutual friends first
 * (ties by id), so the list is stable between calls.
 */
public final class SuggestFriends {

	/** The most suggestions one call returns. */
	public static final int MAX_LIMIT = 100;

	private final SocialGraph graph;

	private final int defaultLimit;

	public SuggestFriends(SocialGraph graph, int defaultLimit) {
		this.graph = Objects.requireNonNull(graph, "graph");
		if (defaultLimit < 1 || defaultLimit > MAX_LIMIT) {
			throw new IllegalArgumentException("defaultLimit must be between 1 and " + MAX_LIMIT);
		}
		this.defaultLimit = defaultLimit;
	}

	/**
	 * Suggestions for the caller, as many as {@code limit} asks (the default when null).
	 */
	public List<Suggestion> suggest(CustomerId caller, @Nullable Integer limit) {
		int max = (limit != null) ? QueryNumbers.requireBetween("limit", limit, 1, MAX_LIMIT) : this.defaultLimit;
		return this.graph.suggestions(caller, max);
	}

}
