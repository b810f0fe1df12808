package io.polyglot.domain.social;

import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Parses numeric query parameters that arrive as text, so that "abc", "1.5", "-1" and
 * twenty-digit numbers are a validation error naming the field rather than a framework
 * conversion failure.
 */
final class QueryNumbers {

	private static final int MAX_DIGITS = 9;

	private QueryNumbers() {
	}

	static int parse(String field, @Nullable String text, int absent, int min, int max) {
		if (text == null || text.isEmpty()) {
			return absent;
		}
		String rule = "must be an integer between " + min + " and " + max;
		if (text.length() > MAX_DIGITS || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new ValidationException(field, rule);
		}
		int value = Integer.parseInt(text);
		if (value < min || value > max) {
			throw new ValidationException(field, rule);
		}
		return value;
	}

}
