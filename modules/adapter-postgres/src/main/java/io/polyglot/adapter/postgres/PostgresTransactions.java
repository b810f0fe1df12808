package io.polyglot.adapter.postgres;

import java.util.function.Supplier;

import io.polyglot.domain.shared.Transactions;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The domain's transaction boundary as a PostgreSQL transaction: everything the work
 * writes through this adapter commits or rolls back together.
 */
final class PostgresTransactions implements Transactions {

	private final TransactionTemplate template;

	PostgresTransactions(PlatformTransactionManager transactionManager) {
		// REQUIRED: a use case called from inside another one joins the outer transaction
		this.template = new TransactionTemplate(transactionManager);
	}

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		// the template rolls back on any exception from the work and rethrows it as it
		// is, so domain exceptions reach the caller unchanged
		return PostgresCalls.call(() -> this.template.execute((status) -> work.get()));
	}

	@Override
	public void afterRollback(Runnable compensation) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("afterRollback needs an open transaction");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				// STATUS_UNKNOWN (the commit's answer was lost) compensates too: an order
				// that did commit is then short of its holds, which reconciliation
				// reports; keeping holds for an order that never committed would
				// oversell nothing but lock stock away unseen
				if (status != STATUS_COMMITTED) {
					compensation.run();
				}
			}
		});
	}

}
