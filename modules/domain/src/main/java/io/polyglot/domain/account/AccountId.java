package io.polyglot.domain.account;

import java.util.Objects;
import java.util.UUID;

/** Identity of a wallet account. */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
