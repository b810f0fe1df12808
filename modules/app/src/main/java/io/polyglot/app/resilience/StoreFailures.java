package io.polyglot.app.resilience;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells a store outage from a bug by the exception's cause chain, for the failures an
 * adapter did not translate itself: lost or refused connections, timeouts, a pool with no
 * connection to give, a commit or rollback that could not reach the store. Only generic
 * types (Spring's data-access and transaction exceptions, JDBC's and the JDK's I/O and
 * timeout exceptions) are named here; store-specific ones stay in the adapters.
 */
public final class StoreFailures {

	private StoreFailures() {
	}

	/** Whether {@code failure} means the store could not be reached in time. */
	public static boolean isOutage(Throwable failure) {
		return outageIn(failure) != null;
	}

	/** The first outage in the cause chain, or null when there is none. */
	public static @Nullable Throwable outageIn(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (isOutageType(cause)) {
				return cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static boolean isOutageType(Throwable ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException
				|| ex instanceof TransientDataAccessResourceException || ex instanceof RecoverableDataAccessException
				|| ex instanceof CannotCreateTransactionException || ex instanceof TransactionSystemException
				|| ex instanceof TransactionTimedOutException || ex instanceof SQLTransientConnectionException
				|| ex instanceof SQLRecoverableException || ex instanceof SQLNonTransientConnectionException
				|| ex instanceof TimeoutException || ex instanceof IOException;
	}

}
