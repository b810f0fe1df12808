package io.polyglot.app.outbox;

import java.time.Duration;

import io.polyglot.app.scheduling.PeriodicJob;
import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes outbox events every consumer received longer ago than the retention, and
 * expired idempotency keys, in bounded batches so no run holds locks for long.
 */
public final class OutboxHousekeeping extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(OutboxHousekeeping.class);

	private static final int BATCH = 5_000;

	private final OutboxQueue queue;

	private final Idempotency idempotency;

	private final Transactions transactions;

	private final Clock clock;

	private final OutboxProperties properties;

	public OutboxHousekeeping(OutboxQueue queue, Idempotency idempotency, Transactions transactions, Clock clock,
			OutboxProperties properties) {
		super("outbox-housekeeping");
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
	protected Duration interval() {
		return this.properties.housekeepingInterval();
	}

}
