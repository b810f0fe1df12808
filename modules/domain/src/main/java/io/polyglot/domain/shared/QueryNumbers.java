package io.polyglot.domain.shared;

import org.jspecify.annotations.Nullable;

/**
 * Parses the numeric query parameters that arrive as text (limits, depths), so that
 * "abc", "1.5", "-1" and twenty-digit numbers are a validation error naming the field
 * rather than a framework conversion failure. The one place these numbers are parsed.
 */
public final class QueryNumbers {

	private static final int MAX_DIGITS = 9;

	private QueryNumbers() {
	}

	/**
	 * The number in {@code text}, or {@code null} when the parameter is absent or empty.
	 * @throws ValidationException naming the field unless it is an integer between
	 * {@code min} and {@code max}
	 */
	public static @Nullable Integer parse(String field, @Nullable String text, int min, int max) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		if (text.length() > MAX_DIGITS || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new ValidationException(field, rule(min, max));
		}
		return requireBetween(field, Integer.parseInt(text), min, max);
	}

	/**
	 * The value if it is between {@code min} and {@code max}; use cases check again what
	 * the edge parsed, with the same message.
	 */
	public static int requireBetween(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new ValidationException(field, rule(min, max));
		}
		return value;
	}

	private static String rule(int min, int max) {
		return "must be an integer between " + min + " and " + max;
	}

}
