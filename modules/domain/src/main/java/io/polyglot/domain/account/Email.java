package io.polyglot.domain.account;

import java.util.Locale;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.ValidationException;

/**
 * An e-mail address: a deliberately plain check (one {@code @}, a dotted domain, no
 * spaces or control characters, at most 254 characters). Unique without regard to case.
 */
public record Email(String value) {

	private static final int MAX_LENGTH = 254;

	private static final Pattern PLAIN_ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	public Email {
		if (value == null || value.length() > MAX_LENGTH || !PLAIN_ADDRESS.matcher(value).matches()) {
			throw new ValidationException("email", "must be an e-mail address such as ada@example.com");
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
