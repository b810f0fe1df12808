package io.polyglot.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;

/**
 * A customer's wallet account. Movements return a {@link Posting}; they never change this
 * value, so a refused debit leaves nothing half-applied.
 */
public record Account(AccountId id, CustomerId owner, Money balance) {

	public Account {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		if (balance.isNegative()) {
			throw new IllegalArgumentException("a balance is never negative");
		}
	}

	/** Adds a positive amount. */
	public Posting credit(Money amount, EntryKind kind, UUID reference, Instant at) {
		requirePositive(amount);
		Money after = this.balance.plus(amount);
		return new Posting(new Account(this.id, this.owner, after),
				new LedgerEntry(UUID.randomUUID(), this.id, amount, after, kind, reference, at));
	}

	/**
	 * Takes a positive amount away.
	 * @throws BusinessRuleException when the balance does not cover it
	 */
	public Posting debit(Money amount, EntryKind kind, UUID reference, Instant at) {
		requirePositive(amount);
		if (this.balance.compareTo(amount) < 0) {
			throw new BusinessRuleException("Insufficient funds: the balance is " + this.balance.toPlainString() + " "
					+ this.balance.currency() + ", the amount " + amount.toPlainString() + ".");
		}
		Money after = this.balance.minus(amount);
		return new Posting(new Account(this.id, this.owner, after),
				new LedgerEntry(UUID.randomUUID(), this.id, amount.negate(), after, kind, reference, at));
	}

	private static void requirePositive(Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("movements are positive amounts");
		}
	}

}
