package io.polyglot.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.Money;

/** Money moved from one account to another, recorded once with its two ledger entries. */
public record Transfer(UUID id, AccountId from, AccountId to, Money amount, Instant createdAt) {

	public Transfer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(createdAt, "createdAt");
		if (from.equals(to)) {
			throw new IllegalArgumentException("a transfer moves money between two accounts");
		}
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a transfer moves a positive amount");
		}
	}

}
