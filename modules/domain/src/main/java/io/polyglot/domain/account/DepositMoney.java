package io.polyglot.domain.account;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;

/**
 * Pays money into the caller's wallet account: locks the account, writes the new balance,
 * the ledger entry and the event in one transaction.
 */
public final class DepositMoney {

	private final Accounts accounts;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	private final Amounts amounts;

	public DepositMoney(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock, Amounts amounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.amounts = Objects.requireNonNull(amounts, "amounts");
	}

	/**
	 * Pays money into the caller's account; returns the posting (new balance, entry). The
	 * amount is one {@link Amounts#parse} accepted.
	 */
	public Posting deposit(CustomerId customer, Money requested) {
		Money amount = this.amounts.check("amount", requested);
		return this.transactions.inTransaction(() -> {
			Account account = this.accounts.lockOfCustomers(List.of(customer)).get(customer);
			if (account == null) {
				throw ViewAccount.noAccount(customer);
			}
			Posting posting = account.credit(amount, EntryKind.DEPOSIT, UUID.randomUUID(), this.clock.now());
			this.accounts.post(posting);
			this.outbox.add(new AccountEvent.DepositMade(account.id(), customer, amount, posting.after().balance(),
					posting.entry().id()), posting.entry().createdAt());
			return posting;
		});
	}

}
