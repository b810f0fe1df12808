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
import io.polyglot.domain.outbox.OutboxQueue.Claim;
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

	private static final Duration LEASE = Duration.ofSeconds(42);

	private final DeliverOutboxEvents relay = new DeliverOutboxEvents(this.queue, this.transactions,
			new MutableClock(NOW), 2, Duration.ofSeconds(1), Duration.ofMinutes(1), LEASE);

	@Test
	void claimsInOneShortTransactionDeliversOutsideAnyAndMarksInAnother() {
		DomainEvent a = this.queue.add();
		DomainEvent b = this.queue.add();
		this.queue.add();
		List<DomainEvent> received = new ArrayList<>();
		List<Boolean> inTransaction = new ArrayList<>();

		DeliverOutboxEvents.Result result = this.relay.deliverBatch(consumer("log", (events) -> {
			inTransaction.add(this.transactions.isActive());
			received.addAll(events);
		}));

		assertThat(result.claimed()).isEqualTo(2);
		assertThat(result.delivered()).isEqualTo(2);
		assertThat(result.failed()).isFalse();
		assertThat(received).containsExactly(a, b);
		assertThat(inTransaction).as("no transaction (no lock) while the consumer works").containsExactly(false);
		assertThat(this.queue.delivered).containsExactly(a.id(), b.id());
		assertThat(this.queue.leaseFor).isEqualTo(LEASE);
		assertThat(this.transactions.started()).as("claim, then mark").isEqualTo(2);
	}

	@Test
	void eventsWhoseLeaseAnotherClaimTookOverAreDeliveredButNotCountedAsOurs() {
		this.queue.add();
		this.queue.add();
		this.queue.takenOver = 1;

		DeliverOutboxEvents.Result result = this.relay.deliverBatch(consumer("log", (events) -> {
		}));

		assertThat(result.claimed()).isEqualTo(2);
		assertThat(result.delivered()).isOne();
		assertThat(result.failed()).isFalse();
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

		Duration leaseFor;

		/** How many of a claim's first events another claim has taken over. */
		int takenOver;

		DomainEvent add() {
			DomainEvent event = DomainEvent.of(EventStream.customer(UUID.randomUUID()), "SessionStarted", NOW,
					CustomerId.random(), Map.of());
			this.pending.put(event.id(), event);
			return event;
		}

		@Override
		public Claim claim(String consumer, int max, Instant now, Duration leaseFor) {
			this.leaseFor = leaseFor;
			return new Claim(consumer, UUID.randomUUID(), now.plus(leaseFor),
					this.pending.values().stream().limit(max).toList());
		}

		@Override
		public int markDelivered(Claim claim, Instant now) {
			List<UUID> ours = claim.eventIds().subList(this.takenOver, claim.events().size());
			ours.forEach(this.pending::remove);
			this.delivered.addAll(ours);
			return ours.size();
		}

		@Override
		public int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error) {
			this.failed.addAll(claim.eventIds());
			this.lastError = error;
			return claim.events().size();
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
