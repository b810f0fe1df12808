package io.polyglot.domain.idempotency;

import java.util.Objects;
import java.util.regex.Pattern;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A client's key for one logical request, scoped to the client: two customers may use the
 * same key without meeting each other.
 */
public record IdempotencyKey(CustomerId owner, String value) {

	/** The header that carries the key. */
	public static final String HEADER = "Idempotency-Key";

	private static final int MAX_LENGTH = 255;

	// visible ASCII only: a key is an opaque token, often a UUID
	private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

	public IdempotencyKey {
		Objects.requireNonNull(owner, "owner");
		if (value.isEmpty() || value.length() > MAX_LENGTH || !VISIBLE_ASCII.matcher(value).matches()) {
			throw new ValidationException(HEADER,
					"must be 1 to " + MAX_LENGTH + " visible ASCII characters, for example a UUID");
		}
	}

	/** The key from the request header; a missing header is a validation error. */
	public static IdempotencyKey of(CustomerId owner, @Nullable String header) {
		if (header == null) {
			throw new ValidationException(HEADER, "is required: send a fresh key (for example a UUID) per request");
		}
		return new IdempotencyKey(owner, header);
	}

}
