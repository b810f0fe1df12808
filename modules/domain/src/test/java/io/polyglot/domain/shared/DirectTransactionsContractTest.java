package io.polyglot.domain.shared;

import io.polyglot.domain.support.DirectTransactions;

/** The transactions contract against the fake the use-case tests use. */
class DirectTransactionsContractTest extends TransactionsContract {

	private final DirectTransactions transactions = new DirectTransactions();

	@Override
	protected Transactions transactions() {
		return this.transactions;
	}

}
