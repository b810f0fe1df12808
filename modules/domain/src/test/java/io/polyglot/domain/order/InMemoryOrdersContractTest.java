package io.polyglot.domain.order;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryOrders;

/** The orders fake passes the same contract as the PostgreSQL adapter. */
class InMemoryOrdersContractTest extends OrdersContract {

	private final InMemoryOrders orders = new InMemoryOrders();

	@Override
	protected Orders orders() {
		return this.orders;
	}

	@Override
	protected Transactions transactions() {
		return new DirectTransactions();
	}

	@Override
	protected CustomerId customer() {
		return CustomerId.random();
	}

}
