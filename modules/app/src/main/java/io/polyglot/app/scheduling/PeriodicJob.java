package io.polyglot.app.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * A job that runs {@link #run()} on a daemon thread of its own, first one interval after
 * the application started and then one interval after each run ended; stopped with the
 * application. A run must catch its own failures: a thrown one ends the schedule.
 */
public abstract class PeriodicJob implements Runnable, SmartLifecycle {

	private final String threadName;

	private volatile @Nullable ScheduledExecutorService scheduler;

	protected PeriodicJob(String threadName) {
		this.threadName = threadName;
	}

	/** The pause between two runs; null (or not positive) leaves the job unscheduled. */
	protected abstract @Nullable Duration interval();

	@Override
	public void start() {
		Duration interval = interval();
		if (interval == null || interval.isZero() || interval.isNegative()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		long every = interval.toMillis();
		started.scheduleWithFixedDelay(this, every, every, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
