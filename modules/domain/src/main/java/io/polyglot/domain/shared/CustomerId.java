package io.polyglot.domain.shared;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Identity of a customer, issued by PostgreSQL and used as the key in every other store.
 */
public record CustomerId(UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	/** Parses the id from text, as the field {@code customerId}. */
	public static CustomerId parse(@Nullable String text) {
		return parse("customerId", text);
	}

	/** Parses the id from text, naming the field when malformed. */
	public static CustomerId parse(String field, @Nullable String text) {
		return new CustomerId(Ids.parseUuid(field, text));
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
