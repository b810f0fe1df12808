package io.polyglot.domain.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** Port to the wallet accounts and their ledger (PostgreSQL). */
public interface Accounts {

	/** The customer's account as last committed, without locking it. */
	Optional<Account> ofCustomer(CustomerId customer);

	/**
	 * Locks the accounts of these customers until the current transaction ends, always in
	 * the same order (by account id) so two transfers between the same accounts cannot
	 * deadlock, and returns them as locked. Customers without an account are absent.
	 */
	Map<CustomerId, Account> lockOfCustomers(Collection<CustomerId> customers);

	/** Stores the posting: the account's new balance and its ledger entry. */
	void post(Posting posting);

	/** Records the transfer itself; its two postings are stored with {@link #post}. */
	void record(Transfer transfer);

	/** The account's ledger, newest first. */
	Page<LedgerEntry> ledger(AccountId account, PageRequest page);

}
