package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.AccountId;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.LedgerEntry;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.account.Transfer;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Wallet accounts and their ledger in maps, for use-case tests; locking is a no-op (the
 * tests are single-threaded) and, like the database's CHECK, a negative balance is
 * refused outright.
 */
public final class InMemoryAccounts implements Accounts {

	private final Map<CustomerId, Account> byOwner = new LinkedHashMap<>();

	private final Map<AccountId, List<LedgerEntry>> ledgers = new HashMap<>();

	private final List<Transfer> transfers = new ArrayList<>();

	/** Opens an empty account for the customer, as registration does. */
	public synchronized Account open(CustomerId customer, String currency) {
		Account account = new Account(new AccountId(UUID.randomUUID()), customer, Money.zero(currency));
		this.byOwner.put(customer, account);
		return account;
	}

	@Override
	public synchronized Optional<Account> ofCustomer(CustomerId customer) {
		return Optional.ofNullable(this.byOwner.get(customer));
	}

	@Override
	public synchronized Map<CustomerId, Account> lockOfCustomers(Collection<CustomerId> customers) {
		Map<CustomerId, Account> locked = new LinkedHashMap<>();
		customers.stream()
			.map(this.byOwner::get)
			.filter((account) -> account != null)
			.sorted(Comparator.comparing((Account account) -> account.id().value()))
			.forEach((account) -> locked.put(account.owner(), account));
		return locked;
	}

	@Override
	public synchronized void post(Posting posting) {
		Account after = posting.after();
		if (after.balance().isNegative()) {
			throw new IllegalStateException("CHECK (balance >= 0) violated");
		}
		this.byOwner.put(after.owner(), after);
		this.ledgers.computeIfAbsent(after.id(), (id) -> new ArrayList<>()).add(posting.entry());
	}

	@Override
	public synchronized void record(Transfer transfer) {
		this.transfers.add(transfer);
	}

	@Override
	public synchronized Page<LedgerEntry> ledger(AccountId account, PageRequest page) {
		// keyset, as the adapter pages: entries are numbered in the order they were
		// posted and a page starts below the last number the previous one showed, so
		// newer entries never shift a page
		List<LedgerEntry> all = this.ledgers.getOrDefault(account, List.of());
		int before = (page.cursor() != null) ? decode(page.cursor()) : all.size() + 1;
		List<LedgerEntry> items = new ArrayList<>();
		int seq = Math.min(before, all.size() + 1) - 1;
		for (; seq >= 1 && items.size() < page.limit(); seq--) {
			items.add(all.get(seq - 1));
		}
		return new Page<>(items, (seq >= 1) ? Cursor.encode("ledger:" + (seq + 1)) : null);
	}

	private static int decode(Cursor cursor) {
		String position = cursor.decode();
		if (!position.startsWith("ledger:")) {
			throw Cursor.invalid();
		}
		try {
			return Integer.parseInt(position.substring("ledger:".length()));
		}
		catch (NumberFormatException ex) {
			throw Cursor.invalid();
		}
	}

	/** The transfers recorded, in order. */
	public synchronized List<Transfer> transfers() {
		return List.copyOf(this.transfers);
	}

	/** The balance of the customer's account. */
	public synchronized Money balanceOf(CustomerId customer) {
		return this.byOwner.get(customer).balance();
	}

}
