package io.polyglot.domain.account;

import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryCustomers;

/** The customers fake passes the same contract as the PostgreSQL adapter. */
class InMemoryCustomersContractTest extends CustomersContract {

	private final InMemoryCustomers customers = new InMemoryCustomers();

	private final DirectTransactions transactions = new DirectTransactions();

	@Override
	protected Customers customers() {
		return this.customers;
	}

	@Override
	protected Transactions transactions() {
		return this.transactions;
	}

}
