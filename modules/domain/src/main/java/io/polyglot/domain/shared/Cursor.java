package io.polyglot.domain.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An opaque paging position. Adapters encode their own keyset position into it; callers
 * only pass it back. Tampered cursors fail to decode and are a validation error.
 */
public record Cursor(String value) {

	private static final int MAX_LENGTH = 512;

	private static final Pattern URL_SAFE_BASE64 = Pattern.compile("[A-Za-z0-9_-]+");

	public Cursor {
		if (value.isEmpty() || value.length() > MAX_LENGTH || !URL_SAFE_BASE64.matcher(value).matches()) {
			throw invalid();
		}
	}

	public static Cursor of(String value) {
		return new Cursor(value);
	}

	/** Encodes an adapter's position (any text) as an opaque cursor. */
	public static Cursor encode(String position) {
		return new Cursor(
				Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Decodes the position an adapter encoded; throws a validation error when it was
	 * tampered with.
	 */
	public String decode() {
		try {
			return new String(Base64.getUrlDecoder().decode(this.value), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/** The error for a cursor that this service did not issue. */
	public static ValidationException invalid() {
		return new ValidationException("cursor", "is not a cursor this service issued");
	}

	@Override
	public String toString() {
		return this.value;
	}

}
