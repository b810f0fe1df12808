package io.polyglot.domain.account;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** Reads the caller's wallet account and its ledger. */
public final class ViewAccount {

	private final Accounts accounts;

	public ViewAccount(Accounts accounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
	}

	/** The caller's account. */
	public Account accountOf(CustomerId customer) {
		return this.accounts.ofCustomer(customer).orElseThrow(() -> noAccount(customer));
	}

	/** The caller's ledger, newest first. */
	public Page<LedgerEntry> ledger(CustomerId customer, PageRequest page) {
		return this.accounts.ledger(accountOf(customer).id(), page);
	}

	static NotFoundException noAccount(CustomerId customer) {
		return new NotFoundException("Customer " + customer + " has no wallet account.");
	}

}
