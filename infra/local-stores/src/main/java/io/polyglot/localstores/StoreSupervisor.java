package io.polyglot.localstores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches started stores and restarts one whose process died (crash, OOM,
 * {@code kill -9}) on the same port and data, with exponential backoff while restarts
 * fail or the store keeps dying soon after a restart. A store stopped on purpose
 * ({@link LocalStore#stop()}) has not crashed and is left alone. Each store is watched on
 * its own thread, so a slow Cassandra restart does not delay bringing PostgreSQL back.
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

	StoreSupervisor(Collection<LocalStore> stores) {
		this.scheduler = Executors.newScheduledThreadPool(stores.size(), (runnable) -> {
			Thread thread = new Thread(runnable, "local-stores-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		for (LocalStore store : stores) {
			Watch watch = new Watch(store);
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

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			// a restart in progress finishes (or fails) before the stores are stopped
			this.scheduler.awaitTermination(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The state of one store: only its own scheduler thread touches it. */
	private static final class Watch {

		private final LocalStore store;

		/** Restart attempts since the store last ran stably. */
		private int attempts;

		private long nextAttemptNanos;

		private long lastRestartNanos;

		private long downSinceNanos;

		private volatile int restarts;

		Watch(LocalStore store) {
			this.store = store;
		}

		void check() {
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
