package io.polyglot.domain.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link Accounts} must do, run against the in-memory fake and the PostgreSQL
 * adapter: a new account is empty, locks return the accounts of known customers only,
 * postings move the balance, and the ledger reads newest first in keyset pages that stay
 * stable while entries are added. Every test uses customers of its own.
 */
public abstract class AccountsContract {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	protected abstract Accounts accounts();

	protected abstract Transactions transactions();

	/** A new customer of this service with an empty EUR wallet account. */
	protected abstract CustomerId customerWithAccount();

	@Test
	protected void aNewAccountIsEmptyAndEveryOtherCustomerHasNone() {
		CustomerId ada = customerWithAccount();

		assertThat(accounts().ofCustomer(ada)).hasValueSatisfying((account) -> {
			assertThat(account.owner()).isEqualTo(ada);
			assertThat(account.balance()).isEqualTo(Money.zero("EUR"));
		});
		assertThat(accounts().ofCustomer(CustomerId.random())).isEmpty();
	}

	@Test
	protected void lockingReturnsTheAccountsOfKnownCustomersOnly() {
		CustomerId ada = customerWithAccount();
		CustomerId bob = customerWithAccount();

		Map<CustomerId, Account> locked = transactions()
			.inTransaction(() -> accounts().lockOfCustomers(List.of(ada, CustomerId.random(), bob, ada)));

		assertThat(locked).containsOnlyKeys(ada, bob);
		assertThat(locked.get(ada)).isEqualTo(accounts().ofCustomer(ada).orElseThrow());
	}

	@Test
	protected void postingsMoveTheBalanceAndTheLedgerReadsNewestFirst() {
		CustomerId ada = customerWithAccount();
		Posting credit = post(ada, (account) -> account.credit(eur("40.00"), EntryKind.DEPOSIT, UUID.randomUUID(), T0));
		Posting debit = post(ada,
				(account) -> account.debit(eur("15.50"), EntryKind.TRANSFER_OUT, UUID.randomUUID(), T0.plusSeconds(1)));

		Account account = accounts().ofCustomer(ada).orElseThrow();
		assertThat(account.balance()).isEqualTo(eur("24.50"));
		Page<LedgerEntry> ledger = accounts().ledger(account.id(), PageRequest.first());
		assertThat(ledger.items()).containsExactly(debit.entry(), credit.entry());
		assertThat(ledger.items().get(0).amount()).isEqualTo(eur("-15.50"));
		assertThat(ledger.items().get(0).balanceAfter()).isEqualTo(eur("24.50"));
		assertThat(ledger.nextCursor()).isNull();
	}

	@Test
	protected void ledgerPagesStayStableWhileEntriesAreAdded() {
		CustomerId ada = customerWithAccount();
		List<LedgerEntry> entries = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant at = T0.plusSeconds(i);
			entries.add(post(ada, (account) -> account.credit(eur("1.00"), EntryKind.DEPOSIT, UUID.randomUUID(), at))
				.entry());
		}
		AccountId id = accounts().ofCustomer(ada).orElseThrow().id();

		Page<LedgerEntry> first = accounts().ledger(id, new PageRequest(2, null));
		// a newer entry arrives while the client pages on
		post(ada, (account) -> account.credit(eur("1.00"), EntryKind.DEPOSIT, UUID.randomUUID(), T0.plusSeconds(9)));
		Page<LedgerEntry> second = accounts().ledger(id, new PageRequest(2, first.nextCursor()));
		Page<LedgerEntry> third = accounts().ledger(id, new PageRequest(2, second.nextCursor()));

		assertThat(first.items()).containsExactly(entries.get(4), entries.get(3));
		assertThat(second.items()).containsExactly(entries.get(2), entries.get(1));
		assertThat(third.items()).containsExactly(entries.get(0));
		assertThat(third.nextCursor()).isNull();
	}

	@Test
	protected void aTamperedLedgerCursorIsRefused() {
		CustomerId ada = customerWithAccount();
		AccountId id = accounts().ofCustomer(ada).orElseThrow().id();

		for (String tampered : List.of("ledger:many", "garbage", "ledger:")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> accounts().ledger(id, new PageRequest(2, Cursor.encode(tampered))));
		}
	}

	private Posting post(CustomerId customer, java.util.function.Function<Account, Posting> movement) {
		return transactions().inTransaction(() -> {
			Account account = accounts().lockOfCustomers(List.of(customer)).get(customer);
			Posting posting = movement.apply(account);
			accounts().post(posting);
			return posting;
		});
	}

	private static Money eur(String amount) {
		return Money.parse(amount, "EUR");
	}

}
