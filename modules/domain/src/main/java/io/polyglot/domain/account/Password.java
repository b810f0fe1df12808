package io.polyglot.domain.account;

import io.polyglot.domain.shared.ValidationException;

/**
 * A password as typed, before hashing: 8 to 128 characters, not only whitespace, no
 * control characters. Never logged: {@link #toString()} hides it.
 */
public final class Password {

	/** Shortest accepted password. */
	public static final int MIN_LENGTH = 8;

	/** Longest accepted password; longer input is refused rather than truncated. */
	public static final int MAX_LENGTH = 128;

	private final String value;

	public Password(String value) {
		if (value == null || value.isEmpty()) {
			throw new ValidationException("password", "must not be empty");
		}
		if (value.length() > MAX_LENGTH) {
			throw new ValidationException("password", "must be at most " + MAX_LENGTH + " characters");
		}
		if (value.length() < MIN_LENGTH) {
			throw new ValidationException("password", "must be at least " + MIN_LENGTH + " characters");
		}
		if (value.isBlank()) {
			throw new ValidationException("password", "must not be only whitespace");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new ValidationException("password", "must not contain control characters");
		}
		this.value = value;
	}

	/** The clear text, for the hasher only. */
	public String reveal() {
		return this.value;
	}

	@Override
	public String toString() {
		return "Password[hidden]";
	}

}
