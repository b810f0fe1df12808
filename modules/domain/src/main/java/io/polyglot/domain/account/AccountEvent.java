package io.polyglot.domain.account;

import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;

/**
 * What happens to a wallet account, on the account's stream, owned by the customer whose
 * account it is.
 */
public sealed interface AccountEvent extends Event {

	/** The account whose stream the event is on. */
	AccountId accountId();

	@Override
	CustomerId owner();

	@Override
	default EventStream stream() {
		return EventStream.account(accountId().value());
	}

	/** Money was paid into the account; the balance is the one after it. */
	record DepositMade(AccountId accountId, CustomerId owner, Money amount, Money balance,
			UUID entryId) implements AccountEvent {

		public DepositMade {
			Objects.requireNonNull(accountId, "accountId");
			Objects.requireNonNull(owner, "owner");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(balance, "balance");
			Objects.requireNonNull(entryId, "entryId");
		}

	}

	/**
	 * Money moved between two accounts. A transfer is recorded twice, once on each
	 * account's stream: the direction says which side this one is, and the owner is that
	 * side's customer.
	 */
	record MoneyTransferred(UUID transferId, AccountId fromAccountId, AccountId toAccountId, Money amount,
			Direction direction, CustomerId owner) implements AccountEvent {

		public MoneyTransferred {
			Objects.requireNonNull(transferId, "transferId");
			Objects.requireNonNull(fromAccountId, "fromAccountId");
			Objects.requireNonNull(toAccountId, "toAccountId");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(direction, "direction");
			Objects.requireNonNull(owner, "owner");
		}

		/** The account on whose stream this side of the transfer is recorded. */
		@Override
		public AccountId accountId() {
			return (this.direction == Direction.OUT) ? this.fromAccountId : this.toAccountId;
		}

	}

	/** Which side of a transfer an account is on. */
	enum Direction {

		/** The money left this account. */
		OUT,

		/** The money arrived in this account. */
		IN

	}

}
