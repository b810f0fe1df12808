package io.polyglot.adapter.cassandra;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.polyglot.domain.shared.StoreUnavailableException;

/**
 * Runs calls to Cassandra, turning "cannot reach enough of Cassandra" into the domain's
 * store-unavailable error so only the event log endpoints answer 503 while it is down.
 */
final class CassandraCalls {

	/** The store's name as health and problem details spell it. */
	static final String STORE = "cassandra";

	private CassandraCalls() {
	}

	static <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	/**
	 * The domain error for an outage anywhere in the cause chain (the lazy session's
	 * creation wraps it in a bean creation failure, async calls in a completion
	 * exception); any other failure (a bad query) is our bug and passes unchanged.
	 */
	static RuntimeException translate(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (isOutage(cause)) {
				return new StoreUnavailableException(STORE, "Cassandra is unavailable: " + cause.getMessage(), ex);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if ((ex instanceof CompletionException || ex instanceof ExecutionException) && ex.getCause() != null) {
			return translate(ex.getCause());
		}
		return (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
	}

	private static boolean isOutage(Throwable ex) {
		return ex instanceof AllNodesFailedException || ex instanceof NoNodeAvailableException
				|| ex instanceof DriverTimeoutException || ex instanceof QueryConsistencyException
				|| ex instanceof UnavailableException || ex instanceof OverloadedException
				|| ex instanceof BootstrappingException || ex instanceof BusyConnectionException
				|| ex instanceof ClosedConnectionException || ex instanceof ConnectionInitException;
	}

}
