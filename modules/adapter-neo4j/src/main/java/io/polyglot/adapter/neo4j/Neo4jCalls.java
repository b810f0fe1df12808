package io.polyglot.adapter.neo4j;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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

	/**
	 * Runs the calls that have a deadline. A call past its deadline is left to finish or
	 * fail on its own, not interrupted: an interrupted driver call closes its connection
	 * and the driver's retry logic then retried on closed connections, failing healthy
	 * calls beside it. The abandoned calls are bounded by the driver's pool (an
	 * acquisition beyond it fails after its timeout).
	 */
	private static final ExecutorService DEADLINE_RUNNER = Executors.newCachedThreadPool(new ThreadFactory());

	private Neo4jCalls() {
	}

	/**
	 * Like {@link #call}, but a call still without an answer after {@code deadline} is
	 * abandoned as store-unavailable. The driver has no client-side read timeout and the
	 * transaction timeout is enforced by the server, so a paused or wedged Neo4j would
	 * otherwise hold the request for as long as its socket stays open.
	 */
	static <T> T callWithin(Duration deadline, Supplier<T> work) {
		Future<T> running = DEADLINE_RUNNER.submit(() -> call(work));
		try {
			return running.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new StoreUnavailableException(STORE, "Neo4j did not answer within " + deadline.toMillis() + " ms",
					ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException(STORE, "interrupted while waiting for Neo4j", ex);
		}
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

	/** Daemon threads, so a call stuck in the driver never holds the JVM's exit. */
	private static final class ThreadFactory implements java.util.concurrent.ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, "neo4j-call-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
