package io.polyglot.domain.shared;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parsing rules shared by the typed ids: canonical UUID text only, so ids never carry
 * query syntax.
 */
public final class Ids {

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Ids() {
	}

	/** Parses a canonical UUID or throws a validation error naming the field. */
	public static UUID parseUuid(String field, @Nullable String text) {
		if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
			throw new ValidationException(field, "must be a UUID such as 3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b");
		}
		return UUID.fromString(text);
	}

}
