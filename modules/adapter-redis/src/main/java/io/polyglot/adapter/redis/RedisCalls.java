package io.polyglot.adapter.redis;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
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

	private static final List<String> TRANSIENT_REPLIES = List.of("LOADING", "BUSY", "CLUSTERDOWN", "TRYAGAIN",
			"MASTERDOWN", "READONLY");

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
	 * not an outage, unless it is one of the replies of a Redis that cannot serve yet.
	 */
	static boolean isConnectionLoss(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisCommandExecutionException answered) {
				return isTransient(answered);
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

	/**
	 * Errors Redis answers while it cannot serve yet or for a moment: a restarted Redis
	 * is {@code LOADING} its data set until it has read it back, a script past
	 * {@code busy-reply-threshold} makes it {@code BUSY}, and a cluster or replica in the
	 * middle of a failover answers {@code CLUSTERDOWN}, {@code TRYAGAIN},
	 * {@code MASTERDOWN} or {@code READONLY}. Each is the store being unavailable, not a
	 * bug of ours.
	 */
	private static boolean isTransient(RedisCommandExecutionException answered) {
		if (answered instanceof RedisLoadingException || answered instanceof RedisBusyException
				|| answered instanceof RedisReadOnlyException) {
			return true;
		}
		String message = String.valueOf(answered.getMessage());
		return TRANSIENT_REPLIES.stream().anyMatch(message::startsWith);
	}

}
