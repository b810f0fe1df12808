package io.polyglot.domain.account;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryAccounts;

/** The wallet accounts fake passes the same contract as the PostgreSQL adapter. */
class InMemoryAccountsContractTest extends AccountsContract {

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	@Override
	protected Accounts accounts() {
		return this.accounts;
	}

	@Override
	protected Transactions transactions() {
		return new DirectTransactions();
	}

	@Override
	protected CustomerId customerWithAccount() {
		CustomerId customer = CustomerId.random();
		this.accounts.open(customer, "EUR");
		return customer;
	}

}
