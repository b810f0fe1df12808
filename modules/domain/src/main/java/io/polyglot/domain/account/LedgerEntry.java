package io.polyglot.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.Money;

/**
 * One movement on one account: a signed amount (credit positive, debit negative), the
 * balance it left, and the reference of what caused it (transfer, deposit or order id).
 */
public record LedgerEntry(UUID id, AccountId account, Money amount, Money balanceAfter, EntryKind kind, UUID reference,
		Instant createdAt) {

	public LedgerEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(createdAt, "createdAt");
		if (amount.amount().signum() == 0) {
			throw new IllegalArgumentException("a ledger entry moves money");
		}
		if (balanceAfter.isNegative()) {
			throw new IllegalArgumentException("a balance is never negative");
		}
	}

}
