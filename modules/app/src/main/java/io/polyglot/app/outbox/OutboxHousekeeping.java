package io.polyglot.app.outbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes outbox events every consumer received longer ago than the retention, and
 * expired idempotency keys, in bounded batches so no run holds locks for long.
 */
public final class OutboxHousekeeping implements Runnable, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

	private static final int BATCH = 5_000;

	private final OutboxQueue queue;

	private final Idempotency idempotency;

	private final Transactions transactions;

	private final Clock clock;

	private final OutboxProperties properties;

	private volatile ScheduledExecutorService scheduler;

	public OutboxHousekeeping(OutboxQueue queue, Idempotency idempotency, Transactions transactions, Clock clock,
			OutboxProperties properties) {
		this.queue = queue;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void run() {
		try {
			int events = 0;
			int pruned;
			do {
				pruned = this.transactions
					.inTransaction(() -> this.queue.prune(this.clock.now().minus(this.properties.retention()), BATCH));
				events += pruned;
			}
			while (pruned == BATCH);
			int keys = this.idempotency.purgeExpired(BATCH);
			if (events > 0 || keys > 0) {
				log.info("Housekeeping pruned {} delivered outbox events and {} expired idempotency keys", events,
						keys);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Housekeeping failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.housekeepingInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this, every, every, TimeUnit.MILLISECONDS);
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
