package io.polyglot.adapter.postgres;

import java.util.function.Supplier;

import io.polyglot.domain.shared.StoreUnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Runs calls to PostgreSQL, turning "cannot reach PostgreSQL" into the domain's
 * store-unavailable error so only the endpoints that need PostgreSQL answer 503 while it
 * is down.
 */
final class PostgresCalls {

	/** The store's name as health and problem details spell it. */
	static final String STORE = "postgres";

	private PostgresCalls() {
	}

	static <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		// no connection (at begin or mid-transaction), timeouts, and a commit or rollback
		// that could not reach the server (the connection died under the transaction):
		// a constraint violation or a bad query is a conflict or our bug, not an outage
		catch (CannotCreateTransactionException | DataAccessResourceFailureException | QueryTimeoutException
				| TransientDataAccessResourceException | RecoverableDataAccessException
				| TransactionSystemException ex) {
			throw new StoreUnavailableException(STORE, "PostgreSQL is unavailable: " + ex.getMessage(), ex);
		}
	}

}
