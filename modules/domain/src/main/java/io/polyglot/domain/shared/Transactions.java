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

	/** Runs the work in one transaction, for work with no result. */
	default void run(Runnable work) {
		inTransaction(() -> {
			work.run();
			return null;
		});
	}

}
