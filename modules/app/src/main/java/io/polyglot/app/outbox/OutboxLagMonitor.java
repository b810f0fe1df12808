package io.polyglot.app.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.outbox.OutboxQueue.OutboxLag;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

/**
 * The outbox backlog per consumer, read at most every few seconds however often health
 * and metrics ask, and published as the gauges {@code polyglot.outbox.undelivered} and
 * {@code polyglot.outbox.oldest.age}.
 */
public final class OutboxLagMonitor {

	private static final Duration CACHE_FOR = Duration.ofSeconds(2);

	private final OutboxQueue queue;

	private final Transactions transactions;

	private final Clock clock;

	private volatile Snapshot snapshot = new Snapshot(Instant.MIN, List.of());

	public OutboxLagMonitor(OutboxQueue queue, Transactions transactions, Clock clock, List<String> consumers,
			MeterRegistry meters) {
		this.queue = queue;
		this.transactions = transactions;
		this.clock = clock;
		for (String consumer : consumers) {
			Gauge
				.builder("polyglot.outbox.undelivered", this, (monitor) -> monitor.cachedOrZero(consumer).undelivered())
				.description("Outbox events not yet delivered to the consumer")
				.tag("consumer", consumer)
				.register(meters);
			Gauge
				.builder("polyglot.outbox.oldest.age", this,
						(monitor) -> monitor.cachedOrZero(consumer).oldestAge().toMillis() / 1000.0)
				.description("Age in seconds of the oldest outbox event not yet delivered to the consumer")
				.tag("consumer", consumer)
				.baseUnit("seconds")
				.register(meters);
		}
	}

	/** The backlog now (or at most a couple of seconds ago). */
	public List<OutboxLag> lag() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.now();
		if (current.takenAt().plus(CACHE_FOR).isBefore(now)) {
			current = new Snapshot(now, this.transactions.inTransaction(() -> this.queue.lag(now)));
			this.snapshot = current;
		}
		return current.lag();
	}

	private OutboxLag cachedOrZero(String consumer) {
		try {
			return lag().stream()
				.filter((lag) -> lag.consumer().equals(consumer))
				.findFirst()
				.orElse(new OutboxLag(consumer, 0, Duration.ZERO));
		}
		catch (RuntimeException ex) {
			// PostgreSQL down: the gauge keeps its last known value
			return this.snapshot.lag()
				.stream()
				.filter((lag) -> lag.consumer().equals(consumer))
				.findFirst()
				.orElse(new OutboxLag(consumer, 0, Duration.ZERO));
		}
	}

	private record Snapshot(Instant takenAt, List<OutboxLag> lag) {
	}

}
