package io.polyglot.domain.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.account.AccountEvent.Direction;
import io.polyglot.domain.account.AccountEvent.MoneyTransferred;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.FieldErrors;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Moves money between two customers' wallet accounts: locks both, checks the balance on
 * the locked row, writes both balances, the ledger entries and one event per account in
 * one transaction; the database's CHECK (balance >= 0) backs the rule should this code
 * ever be wrong.
 */
public final class TransferMoney {

	private final Accounts accounts;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	private final Amounts amounts;

	public TransferMoney(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock, Amounts amounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.amounts = Objects.requireNonNull(amounts, "amounts");
	}

	/**
	 * Moves money from the caller's account to another customer's.
	 * @throws io.polyglot.domain.shared.BusinessRuleException for a self-transfer,
	 * unknown recipient or insufficient funds
	 */
	public Transfer transfer(CustomerId from, Command command) {
		CustomerId to = command.to();
		Money amount = this.amounts.check("amount", command.amount());
		if (to.equals(from)) {
			throw new BusinessRuleException("A transfer to yourself moves no money.");
		}
		return this.transactions.inTransaction(() -> {
			Map<CustomerId, Account> locked = this.accounts.lockOfCustomers(List.of(from, to));
			Account source = locked.get(from);
			if (source == null) {
				throw ViewAccount.noAccount(from);
			}
			Account target = locked.get(to);
			if (target == null) {
				throw new BusinessRuleException("The recipient " + to + " is not a customer of this service.");
			}
			UUID id = UUID.randomUUID();
			Instant now = this.clock.now();
			Posting debit = source.debit(amount, EntryKind.TRANSFER_OUT, id, now);
			Posting credit = target.credit(amount, EntryKind.TRANSFER_IN, id, now);
			Transfer transfer = new Transfer(id, source.id(), target.id(), amount, now);
			this.accounts.record(transfer);
			this.accounts.post(debit);
			this.accounts.post(credit);
			// one event per account stream, so each owner sees the transfer in their
			// own activity
			this.outbox.add(transferred(transfer, Direction.OUT, from), transfer.createdAt());
			this.outbox.add(transferred(transfer, Direction.IN, to), transfer.createdAt());
			return transfer;
		});
	}

	private static MoneyTransferred transferred(Transfer transfer, Direction direction, CustomerId owner) {
		return new MoneyTransferred(transfer.id(), transfer.from(), transfer.to(), transfer.amount(), direction, owner);
	}

	/** What a transfer asks for: the recipient and the amount. */
	public record Command(CustomerId to, Money amount) {

		public Command {
			Objects.requireNonNull(to, "to");
			Objects.requireNonNull(amount, "amount");
		}

		/**
		 * The command from the request's texts.
		 * @throws ValidationException naming every missing or malformed field
		 * (toCustomerId, amount)
		 */
		public static Command parse(Amounts amounts, @Nullable String toCustomerId, @Nullable String amount) {
			FieldErrors errors = new FieldErrors();
			CustomerId to = errors.parse("toCustomerId", toCustomerId,
					(text) -> CustomerId.parse("toCustomerId", text));
			Money money = errors.parse("amount", amount, (text) -> amounts.parse("amount", text));
			errors.throwIfAny();
			return new Command(Objects.requireNonNull(to), Objects.requireNonNull(money));
		}

	}

}
