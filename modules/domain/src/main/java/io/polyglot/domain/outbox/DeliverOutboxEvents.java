package io.polyglot.domain.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one batch of outbox events to one consumer: claim, deliver, mark, all in one
 * PostgreSQL transaction. A crash after delivery and before the commit leaves the events
 * undelivered, so they are delivered again: at least once, made exactly-once in effect by
 * consumers that deduplicate on the event id.
 */
public final class DeliverOutboxEvents {

	private final OutboxQueue queue;

	private final Transactions transactions;

	private final Clock clock;

	private final int batchSize;

	private final Duration firstBackoff;

	private final Duration maxBackoff;

	public DeliverOutboxEvents(OutboxQueue queue, Transactions transactions, Clock clock, int batchSize,
			Duration firstBackoff, Duration maxBackoff) {
		this.queue = Objects.requireNonNull(queue, "queue");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		this.batchSize = batchSize;
		this.firstBackoff = firstBackoff;
		this.maxBackoff = maxBackoff;
	}

	/** Delivers one batch to the consumer and says how it went. */
	public Result deliverBatch(EventConsumer consumer) {
		return this.transactions.inTransaction(() -> {
			List<DomainEvent> batch = this.queue.claim(consumer.name(), this.batchSize, this.clock.now());
			if (batch.isEmpty()) {
				return new Result(0, null);
			}
			List<UUID> ids = batch.stream().map(DomainEvent::id).toList();
			try {
				consumer.deliver(batch);
			}
			catch (RuntimeException ex) {
				// recorded in the same transaction, which then commits: the attempt
				// counts and the rows wait out their backoff instead of being retried
				// at once
				this.queue.markFailed(consumer.name(), ids, this.clock.now(), this.firstBackoff, this.maxBackoff,
						String.valueOf(ex.getMessage()));
				return new Result(0, ex);
			}
			this.queue.markDelivered(consumer.name(), ids, this.clock.now());
			return new Result(batch.size(), null);
		});
	}

	/** How many events one call delivered, or why it delivered none. */
	public record Result(int delivered, @Nullable RuntimeException failure) {

		public boolean failed() {
			return this.failure != null;
		}

	}

}
