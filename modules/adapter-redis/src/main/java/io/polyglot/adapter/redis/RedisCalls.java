package io.polyglot.adapter.redis;

import java.util.function.Supplier;

import io.polyglot.domain.shared.StoreUnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Runs calls to Redis, turning "cannot reach Redis" into the domain's store-unavailable
 * error so only the session endpoints answer 503 while Redis is down.
 */
final class RedisCalls {

	/** The store's name as health and problem details spell it. */
	static final String STORE = "redis";

	private RedisCalls() {
	}

	static <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		// refused connections and command timeouts only: any other Redis error (a
		// script bug, a wrong type) is ours to fix, not an outage, and stays a 500
		catch (DataAccessResourceFailureException | QueryTimeoutException ex) {
			throw new StoreUnavailableException(STORE, "Redis is unavailable: " + ex.getMessage(), ex);
		}
	}

}
