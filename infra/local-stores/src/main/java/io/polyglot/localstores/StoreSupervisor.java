package io.polyglot.localstores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches started stores and restarts one whose process died (crash, OOM,
 * {@code kill -9}) on the same port and data, with exponential backoff while restarts
 * fail or the store keeps dying soon after a restart. A store stopped on purpose
 * ({@link LocalStore#stop()}) has not crashed and is left alone. Each store is watched on
 * its own thread, so a slow Cassandra restart does not delay bringing PostgreSQL back.
 *
 * <p>
 * Nothing is restarted once {@link #close()} was called or this JVM has begun to shut
 * down: Ctrl-C signals the whole process group, so the stores exit at the same moment as
 * this JVM, and a store restarted then would outlive it (PostgreSQL restarted during
 * shutdown was left running with no owner).
 */
final class StoreSupervisor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StoreSupervisor.class);

	/** How often each store's process is checked. */
	static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

	/** Waits before restart attempts 2, 3, ...; the first attempt is immediate. */
	static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/**
	 * A store that runs this long after a restart counts as recovered: backoff resets.
	 */
	static final Duration STABLE_AFTER = Duration.ofSeconds(60);

	private final List<Watch> watches = new ArrayList<>();

	private final ScheduledExecutorService scheduler;

	/** Set first by {@link #close()}: no check after it restarts anything. */
	private volatile boolean closing;

	StoreSupervisor(Collection<LocalStore> stores) {
		this.scheduler = Executors.newScheduledThreadPool(stores.size(), (runnable) -> {
			Thread thread = new Thread(runnable, "local-stores-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		for (LocalStore store : stores) {
			Watch watch = new Watch(store, this::isStopping);
			this.watches.add(watch);
			this.scheduler.scheduleWithFixedDelay(watch::check, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/** How many times the named store has been restarted after a crash. */
	int restarts(String store) {
		return this.watches.stream().filter((w) -> w.store.name().equals(store)).mapToInt((w) -> w.restarts).sum();
	}

	/** The wait before restart attempt {@code attempt} (0-based) of one outage. */
	static Duration backoff(int attempt) {
		if (attempt <= 0) {
			return Duration.ZERO;
		}
		long millis = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
		return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
	}

	/** Whether supervision is over: closed, or this JVM is shutting down. */
	boolean isStopping() {
		return this.closing || jvmIsShuttingDown();
	}

	/**
	 * The JDK has no query for it, but refuses new shutdown hooks once shutdown has
	 * begun.
	 */
	static boolean jvmIsShuttingDown() {
		Thread probe = new Thread(() -> {
		}, "local-stores-shutdown-probe");
		try {
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

	/**
	 * Stops supervising and waits for a restart in progress to end; a store it brought up
	 * is stopped again, so the caller's stop finds every store stopped or stoppable.
	 * Called before the stores are stopped.
	 */
	@Override
	public void close() {
		this.closing = true;
		// not shutdownNow: an interrupted start can leave its process behind
		this.scheduler.shutdown();
		try {
			// the longest start timeout (Cassandra) plus its stop
			if (!this.scheduler.awaitTermination(240, TimeUnit.SECONDS)) {
				this.scheduler.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The state of one store: only its own scheduler thread touches it. */
	private static final class Watch {

		private final LocalStore store;

		private final BooleanSupplier stopping;

		/** Restart attempts since the store last ran stably. */
		private int attempts;

		private long nextAttemptNanos;

		private long lastRestartNanos;

		private long downSinceNanos;

		private volatile int restarts;

		/** Set once a death is seen while supervision stops: logged once. */
		private boolean leftAlone;

		Watch(LocalStore store, BooleanSupplier stopping) {
			this.store = store;
			this.stopping = stopping;
		}

		void check() {
			if (this.leftAlone) {
				return;
			}
			try {
				// a failed restart leaves the store stopped, not crashed: keep trying
				boolean down = this.store.hasCrashed() || (this.downSinceNanos != 0 && !this.store.isRunning());
				if (!down) {
					this.downSinceNanos = 0;
					if (this.attempts > 0 && System.nanoTime() - this.lastRestartNanos > STABLE_AFTER.toNanos()) {
						this.attempts = 0;
					}
					return;
				}
				if (this.stopping.getAsBoolean()) {
					// the store exited with us (Ctrl-C reaches the whole process group)
					this.leftAlone = true;
					logger.info("{} on port {} exited while the local stores shut down; not restarting it",
							this.store.name(), this.store.port());
					return;
				}
				long now = System.nanoTime();
				if (this.downSinceNanos == 0) {
					this.downSinceNanos = now;
					if (now - this.lastRestartNanos > STABLE_AFTER.toNanos()) {
						this.attempts = 0;
					}
					this.nextAttemptNanos = now + backoff(this.attempts).toNanos();
					logger.warn("{} on port {} died (its process is gone); restarting it on the same port and data{}",
							this.store.name(), this.store.port(),
							(this.attempts > 0) ? " in " + backoff(this.attempts).toSeconds()
									+ " s (it died again soon after a restart)" : "");
				}
				if (now < this.nextAttemptNanos) {
					return;
				}
				restart(now);
			}
			catch (RuntimeException ex) {
				// never let the scheduler drop this store's watch
				logger.error("supervising {} failed", this.store.name(), ex);
			}
		}

		private void restart(long now) {
			this.attempts++;
			try {
				this.store.start();
				if (this.stopping.getAsBoolean()) {
					// shutdown began while it started: it must not outlive this JVM
					this.leftAlone = true;
					this.store.stop();
					logger.info("{} was restarted as the local stores began to shut down; stopped it again",
							this.store.name());
					return;
				}
				long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - now);
				long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.downSinceNanos);
				this.restarts++;
				this.lastRestartNanos = System.nanoTime();
				this.downSinceNanos = 0;
				logger.warn("{} restarted on port {}{} after {} ms down (start took {} ms; restart #{})",
						this.store.name(), this.store.port(),
						this.store.pid().isPresent() ? " as pid " + this.store.pid().getAsLong() : "", downMillis,
						tookMillis, this.restarts);
			}
			catch (RuntimeException ex) {
				Duration wait = backoff(this.attempts);
				this.nextAttemptNanos = System.nanoTime() + wait.toNanos();
				logger.warn("{} did not restart (attempt {}): {}; next attempt in {} s", this.store.name(),
						this.attempts, ex.getMessage(), wait.toSeconds());
			}
		}

	}

}
