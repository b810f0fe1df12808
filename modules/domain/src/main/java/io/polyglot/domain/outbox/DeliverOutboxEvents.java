package io.polyglot.domain.outbox;

import java.time.Duration;
import java.util.Objects;

import io.polyglot.domain.outbox.OutboxQueue.Claim;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.jspecify.annotations.Nullable;

/**
 * Delivers one batch of outbox events to one consumer in three steps, none of which holds
 * a PostgreSQL lock while another store works: a short transaction leases the batch to a
 * fresh claim; the consumer receives it outside any transaction; a second short
 * transaction marks the events delivered (or records the failure and its backoff), for
 * those still leased to this claim. A crash after delivery and before the mark leaves the
 * events leased until the lease expires; then they are claimed and delivered again: at
 * least once, made exactly-once in effect by consumers that deduplicate on the event id.
 * Any number of callers (threads, instances) may run it at once for one consumer.
 */
public final class DeliverOutboxEvents {

	/**
	 * How long a claim owns its events unless told otherwise: far above a healthy
	 * delivery (a few hundred milliseconds) and the stores' own timeouts, short enough
	 * that a crashed relay's events move on within a minute.
	 */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	private final OutboxQueue queue;

	private final Transactions transactions;

	private final Clock clock;

	private final int batchSize;

	private final Duration firstBackoff;

	private final Duration maxBackoff;

	private final Duration lease;

	public DeliverOutboxEvents(OutboxQueue queue, Transactions transactions, Clock clock, int batchSize,
			Duration firstBackoff, Duration maxBackoff) {
		this(queue, transactions, clock, batchSize, firstBackoff, maxBackoff, DEFAULT_LEASE);
	}

	/**
	 * @param lease how long a claim owns its events: must exceed the longest delivery, or
	 * a slow but live relay's events are delivered twice (harmless, since consumers
	 * deduplicate, but wasted work)
	 */
	public DeliverOutboxEvents(OutboxQueue queue, Transactions transactions, Clock clock, int batchSize,
			Duration firstBackoff, Duration maxBackoff, Duration lease) {
		this.queue = Objects.requireNonNull(queue, "queue");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be positive");
		}
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("lease must be positive");
		}
		this.batchSize = batchSize;
		this.firstBackoff = firstBackoff;
		this.maxBackoff = maxBackoff;
		this.lease = lease;
	}

	/** The most events one call claims. */
	public int batchSize() {
		return this.batchSize;
	}

	/** Delivers one batch to the consumer and says how it went. */
	public Result deliverBatch(EventConsumer consumer) {
		Claim claim = this.transactions
			.inTransaction(() -> this.queue.claim(consumer.name(), this.batchSize, this.clock.now(), this.lease));
		if (claim.isEmpty()) {
			return new Result(0, 0, null);
		}
		try {
			consumer.deliver(claim.events());
		}
		catch (RuntimeException ex) {
			// the attempt counts and the events wait out their backoff instead of being
			// retried at once (or by the next loop)
			this.transactions.inTransaction(() -> this.queue.markFailed(claim, this.clock.now(), this.firstBackoff,
					this.maxBackoff, String.valueOf(ex.getMessage())));
			return new Result(claim.events().size(), 0, ex);
		}
		int marked = this.transactions.inTransaction(() -> this.queue.markDelivered(claim, this.clock.now()));
		return new Result(claim.events().size(), marked, null);
	}

	/**
	 * How one call went: how many events it claimed, how many of them it delivered and
	 * recorded as delivered (fewer when a lease expired and another claim took events
	 * over), or why it delivered none.
	 */
	public record Result(int claimed, int delivered, @Nullable RuntimeException failure) {

		public boolean failed() {
			return this.failure != null;
		}

	}

}
