package io.polyglot.adapter.neo4j;

import java.util.function.Supplier;

import io.polyglot.domain.shared.StoreUnavailableException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * Runs calls to Neo4j, turning "cannot reach Neo4j" into the domain's store-unavailable
 * error so only the social endpoints answer 503 while it is down. The driver reconnects
 * by itself, so the first call after Neo4j is back simply succeeds.
 */
final class Neo4jCalls {

	/** The store's name as health and problem details spell it. */
	static final String STORE = "neo4j";

	private static final String TIMED_OUT = "Neo.ClientError.Transaction.TransactionTimedOut";

	private Neo4jCalls() {
	}

	static <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		// unreachable server, a connection lost mid-transaction, and transient errors the
		// driver's own retries did not overcome; a syntax or constraint error stays ours
		catch (ServiceUnavailableException | SessionExpiredException | TransientException ex) {
			throw unavailable(ex);
		}
		catch (Neo4jException ex) {
			if (ex instanceof RetryableException || String.valueOf(ex.code()).startsWith(TIMED_OUT)) {
				throw unavailable(ex);
			}
			throw ex;
		}
	}

	private static StoreUnavailableException unavailable(Neo4jException ex) {
		return new StoreUnavailableException(STORE, "Neo4j is unavailable: " + ex.getMessage(), ex);
	}

}
