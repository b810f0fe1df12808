package io.polyglot.domain.shared;

import java.util.function.Supplier;

/**
 * Port for the transaction boundary of a use case; implemented over PostgreSQL, the store
 * that holds every record that must change atomically.
 */
public interface Transactions {

	/**
	 * Runs the work in one transaction: committed if it returns, rolled back if it throws
	 * an exception.
	 */
	<T> T inTransaction(Supplier<T> work);

	/**
	 * Registers a compensation for work outside this database (a stock hold in another
	 * store): it runs once the transaction the caller is in has ended without a commit
	 * (rolled back, or its commit failed), including when that transaction is an outer
	 * one the caller joined and its commit happens frames above the caller.
	 * @throws IllegalStateException outside a transaction
	 */
	default void afterRollback(Runnable compensation) {
		throw new UnsupportedOperationException(getClass().getName() + " does not run compensations");
	}

	/** Runs the work in one transaction, for work with no result. */
	default void run(Runnable work) {
		inTransaction(() -> {
			work.run();
			return null;
		});
	}

}
