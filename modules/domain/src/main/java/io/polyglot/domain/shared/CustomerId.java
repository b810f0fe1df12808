package io.polyglot.domain.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a customer, issued by PostgreSQL and used as the key in every other store.
 */
public record CustomerId(UUID value) {

	public CustomerId {
		Objects.requireNonNull(value, "value");
	}

	public static CustomerId parse(String text) {
		return new CustomerId(Ids.parseUuid("customerId", text));
	}

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
