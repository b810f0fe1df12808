package io.polyglot.adapter.postgres;

import java.sql.SQLException;
import java.util.function.Supplier;

import io.polyglot.domain.shared.StoreUnavailableException;

import org.springframework.dao.DataAccessException;
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
		// a rollback on a connection the server dropped reaches us as JPA's uncategorised
		// "Unable to rollback against JDBC Connection": the SQLSTATE says connection loss
		catch (DataAccessException ex) {
			if (lostConnection(ex)) {
				throw new StoreUnavailableException(STORE, "PostgreSQL is unavailable: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	/**
	 * Whether a SQLSTATE of connection loss (class 08, 57P01-03) is in the cause chain,
	 * or a rollback failed on a closed connection. The pool's "Connection is closed" (the
	 * connection it evicted after the server died) carries no SQLSTATE, and a PostgreSQL
	 * rollback cannot fail for any other reason than the connection being gone.
	 */
	static boolean lostConnection(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			String message = String.valueOf(cause.getMessage());
			if (message.startsWith("Unable to rollback against JDBC Connection")
					|| (cause instanceof SQLException && message.startsWith("Connection is closed"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
