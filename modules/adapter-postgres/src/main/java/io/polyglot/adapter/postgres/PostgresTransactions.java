package io.polyglot.adapter.postgres;

import java.util.function.Supplier;

import io.polyglot.domain.shared.Transactions;

import org.springframework.transaction.support.TransactionTemplate;

/** The {@link Transactions} port over PostgreSQL: one database transaction per call. */
class PostgresTransactions implements Transactions {

	private final TransactionTemplate template;

	PostgresTransactions(TransactionTemplate template) {
		this.template = template;
	}

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		return this.template.execute((status) -> work.get());
	}

}
