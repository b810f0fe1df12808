package io.polyglot.domain.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The wallet use cases: view, deposit, transfer, ledger. Every movement locks the
 * accounts it touches, checks the balance on the locked row, writes the new balance, the
 * ledger entries and the events in one transaction; the database's CHECK (balance >= 0)
 * backs the rule should this code ever be wrong.
 */
public final class Wallet {

	private final Accounts accounts;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	private final Amounts amounts;

	public Wallet(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock, Amounts amounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.amounts = Objects.requireNonNull(amounts, "amounts");
	}

	/** The caller's account. */
	public Account accountOf(CustomerId customer) {
		return this.accounts.ofCustomer(customer).orElseThrow(() -> noAccount(customer));
	}

	/** Pays money into the caller's account; returns the posting (new balance, entry). */
	public Posting deposit(CustomerId customer, @Nullable String amountText) {
		Money amount = this.amounts.parse("amount", amountText);
		return this.transactions.inTransaction(() -> {
			Account account = this.accounts.lockOfCustomers(List.of(customer)).get(customer);
			if (account == null) {
				throw noAccount(customer);
			}
			Posting posting = account.credit(amount, EntryKind.DEPOSIT, UUID.randomUUID(), this.clock.now());
			this.accounts.post(posting);
			this.outbox.add(DomainEvent.of(EventStream.account(account.id().value()), EventTypes.DEPOSIT_MADE,
					posting.entry().createdAt(), customer,
					Map.of("accountId", account.id().toString(), "amount", amount.toPlainString(), "currency",
							amount.currency(), "balance", posting.after().balance().toPlainString(), "entryId",
							posting.entry().id().toString())));
			return posting;
		});
	}

	/**
	 * Moves money from the caller's account to another customer's.
	 * @throws ValidationException for a malformed recipient or amount
	 * @throws io.polyglot.domain.shared.BusinessRuleException for a self-transfer,
	 * unknown recipient or insufficient funds
	 */
	public Transfer transfer(CustomerId from, @Nullable String toCustomerIdText, @Nullable String amountText) {
		List<ValidationException.FieldError> errors = new ArrayList<>();
		CustomerId to = RegisterCustomer.parse("toCustomerId", toCustomerIdText,
				(text) -> new CustomerId(Ids.parseUuid("toCustomerId", text)), errors);
		Money amount = RegisterCustomer.parse("amount", amountText, (text) -> this.amounts.parse("amount", text),
				errors);
		if (to == null || amount == null) {
			throw new ValidationException(errors);
		}
		if (to.equals(from)) {
			throw new BusinessRuleException("A transfer to yourself moves no money.");
		}
		return this.transactions.inTransaction(() -> {
			Map<CustomerId, Account> locked = this.accounts.lockOfCustomers(List.of(from, to));
			Account source = locked.get(from);
			if (source == null) {
				throw noAccount(from);
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
			this.outbox.add(transferred(transfer, source.id(), from, "out"));
			this.outbox.add(transferred(transfer, target.id(), to, "in"));
			return transfer;
		});
	}

	/** The caller's ledger, newest first. */
	public Page<LedgerEntry> ledger(CustomerId customer, PageRequest page) {
		return this.accounts.ledger(accountOf(customer).id(), page);
	}

	private static DomainEvent transferred(Transfer transfer, AccountId account, CustomerId owner, String direction) {
		return DomainEvent.of(EventStream.account(account.value()), EventTypes.MONEY_TRANSFERRED, transfer.createdAt(),
				owner,
				Map.of("transferId", transfer.id().toString(), "fromAccountId", transfer.from().toString(),
						"toAccountId", transfer.to().toString(), "amount", transfer.amount().toPlainString(),
						"currency", transfer.amount().currency(), "direction", direction));
	}

	private NotFoundException noAccount(CustomerId customer) {
		return new NotFoundException("Customer " + customer + " has no wallet account.");
	}

}
