package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliverOutboxEventsTest {

	private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

	private final Queue queue = new Queue();

	private final DirectTransactions transactions = new DirectTransactions();

	private final DeliverOutboxEvents relay = new DeliverOutboxEvents(this.queue, this.transactions,
			new MutableClock(NOW), 2, Duration.ofSeconds(1), Duration.ofMinutes(1));

	@Test
	void deliversABatchAndMarksItDeliveredInOneTransaction() {
		DomainEvent a = this.queue.add();
		DomainEvent b = this.queue.add();
		this.queue.add();
		List<DomainEvent> received = new ArrayList<>();

		DeliverOutboxEvents.Result result = this.relay.deliverBatch(consumer("log", received::addAll));

		assertThat(result.delivered()).isEqualTo(2);
		assertThat(result.failed()).isFalse();
		assertThat(received).containsExactly(a, b);
		assertThat(this.queue.delivered).containsExactly(a.id(), b.id());
		assertThat(this.transactions.started()).isEqualTo(1);
	}

	@Test
	void aFailedDeliveryIsRecordedWithItsBackoffAndNotMarkedDelivered() {
		DomainEvent a = this.queue.add();

		DeliverOutboxEvents.Result result = this.relay.deliverBatch(consumer("log", (events) -> {
			throw new StoreUnavailableException("cassandra", "down", null);
		}));

		assertThat(result.failed()).isTrue();
		assertThat(result.delivered()).isZero();
		assertThat(this.queue.delivered).isEmpty();
		assertThat(this.queue.failed).containsExactly(a.id());
		assertThat(this.queue.lastError).contains("down");
	}

	@Test
	void anEmptyOutboxDeliversNothingAndDoesNotCallTheConsumer() {
		DeliverOutboxEvents.Result result = this.relay.deliverBatch(consumer("log", (events) -> {
			throw new AssertionError("called with nothing to deliver");
		}));

		assertThat(result.delivered()).isZero();
		assertThat(result.failed()).isFalse();
	}

	private static EventConsumer consumer(String name, java.util.function.Consumer<List<DomainEvent>> delivery) {
		return new EventConsumer() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void deliver(List<DomainEvent> events) {
				delivery.accept(events);
			}
		};
	}

	/** An outbox queue in memory, oldest first. */
	private static final class Queue implements OutboxQueue {

		final Map<UUID, DomainEvent> pending = new LinkedHashMap<>();

		final List<UUID> delivered = new ArrayList<>();

		final List<UUID> failed = new ArrayList<>();

		String lastError;

		DomainEvent add() {
			DomainEvent event = DomainEvent.of(EventStream.customer(UUID.randomUUID()), "SessionStarted", NOW,
					CustomerId.random(), Map.of());
			this.pending.put(event.id(), event);
			return event;
		}

		@Override
		public List<DomainEvent> claim(String consumer, int max, Instant now) {
			return this.pending.values().stream().limit(max).toList();
		}

		@Override
		public void markDelivered(String consumer, List<UUID> eventIds, Instant now) {
			eventIds.forEach(this.pending::remove);
			this.delivered.addAll(eventIds);
		}

		@Override
		public void markFailed(String consumer, List<UUID> eventIds, Instant now, Duration firstBackoff,
				Duration maxBackoff, String error) {
			this.failed.addAll(eventIds);
			this.lastError = error;
		}

		@Override
		public List<OutboxLag> lag(Instant now) {
			return List.of();
		}

		@Override
		public int prune(Instant deliveredBefore, int max) {
			return 0;
		}

	}

}
