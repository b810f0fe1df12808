package io.polyglot.domain.account;

import java.util.Locale;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.ValidationException;

/**
 * A login name: 3 to 32 characters of letters, digits, dot, dash and underscore, starting
 * with a letter or digit. Unique without regard to case.
 */
public record Username(String value) {

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");

	public Username {
		if (value == null || !ALLOWED.matcher(value).matches()) {
			throw new ValidationException("username",
					"must be 3 to 32 letters, digits, '.', '-' or '_', starting with a letter or digit");
		}
	}

	/** The form uniqueness is decided on. */
	public String normalized() {
		return this.value.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
