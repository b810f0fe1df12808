package io.polyglot.adapter.redis;

import java.io.IOException;
import java.util.function.Supplier;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.polyglot.domain.shared.StoreUnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisPipelineException;

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
		// a pipeline reports the failure of any of its commands (a timeout, a lost
		// connection) wrapped once more
		catch (RedisSystemException | RedisPipelineException ex) {
			if (isConnectionLoss(ex)) {
				throw new StoreUnavailableException(STORE, "Redis is unavailable: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	/**
	 * A connection that broke under a command ("Connection reset by peer", "Connection
	 * closed" when Redis was killed) reaches Spring as Lettuce's plain
	 * {@link RedisException}, which Spring calls a system error; an error Redis itself
	 * answered ({@link RedisCommandExecutionException}: a script bug, a wrong type) is
	 * not an outage.
	 */
	static boolean isConnectionLoss(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisCommandExecutionException) {
				return false;
			}
			if (cause instanceof IOException || cause instanceof RedisConnectionException
					|| cause instanceof RedisCommandTimeoutException || cause.getClass() == RedisException.class) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
