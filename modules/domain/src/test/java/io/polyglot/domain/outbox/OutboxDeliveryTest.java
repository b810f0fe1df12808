package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryOutbox;
import io.polyglot.domain.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery against the outbox fake: each consumer receives each event once, a consumer
 * whose store is down backs off on its own, and delivered events are pruned.
 */
class OutboxDeliveryTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));

	private final InMemoryOutbox outbox = new InMemoryOutbox("log", "graph");

	private final DeliverOutboxEvents deliver = new DeliverOutboxEvents(this.outbox, new DirectTransactions(),
			this.clock, 10, Duration.ofSeconds(1), Duration.ofSeconds(4));

	private final List<UUID> logged = new ArrayList<>();

	private boolean graphDown = true;

	private final EventConsumer log = consumer("log", (events) -> events.forEach((e) -> this.logged.add(e.id())));

	private final EventConsumer graph = consumer("graph", (events) -> {
		if (this.graphDown) {
			throw new StoreUnavailableException("neo4j", "down", new IllegalStateException("connection refused"));
		}
	});

	@Test
	void aConsumerThatIsDownBacksOffWithoutHoldingUpAnother() {
		DomainEvent event = added();

		assertThat(this.deliver.deliverBatch(this.graph).failed()).isTrue();
		assertThat(this.deliver.deliverBatch(this.log).delivered()).isOne();
		assertThat(this.deliver.deliverBatch(this.log).delivered()).isZero();
		assertThat(this.logged).containsExactly(event.id());

		// within the backoff the failed event is not claimed again
		assertThat(this.deliver.deliverBatch(this.graph).delivered()).isZero();
		assertThat(this.outbox.attempts("graph", event.id())).isOne();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.deliver.deliverBatch(this.graph).failed()).isTrue();
		assertThat(this.outbox.attempts("graph", event.id())).isEqualTo(2);

		this.graphDown = false;
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.deliver.deliverBatch(this.graph).delivered()).isOne();
		assertThat(this.outbox.lag(this.clock.now())).allSatisfy((lag) -> assertThat(lag.undelivered()).isZero());
	}

	@Test
	void aRelayThatDiesAfterItsClaimLeavesTheEventsToTheNextOnceTheLeaseExpires() {
		DomainEvent event = added();
		EventConsumer dying = consumer("log", (events) -> {
			throw new RelayDied();
		});

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.deliver.deliverBatch(dying))
			.isInstanceOf(RelayDied.class);
		assertThat(this.deliver.deliverBatch(this.log).claimed()).as("still leased to the dead relay").isZero();
		this.clock.advance(DeliverOutboxEvents.DEFAULT_LEASE);

		assertThat(this.deliver.deliverBatch(this.log).delivered()).isOne();
		assertThat(this.logged).containsExactly(event.id());
	}

	@Test
	void eventsEveryConsumerReceivedArePrunedAndNoOthers() {
		added();
		this.graphDown = false;
		this.deliver.deliverBatch(this.log);
		added();
		this.deliver.deliverBatch(this.graph);
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.outbox.prune(this.clock.now(), 100)).isOne();
		assertThat(this.outbox.size()).isOne();
		assertThat(this.outbox.lag(this.clock.now())).filteredOn((lag) -> lag.consumer().equals("log"))
			.singleElement()
			.satisfies((lag) -> assertThat(lag.undelivered()).isOne());
	}

	private DomainEvent added() {
		DomainEvent event = DomainEvent.of(EventStream.customer(UUID.randomUUID()), "SessionStarted", this.clock.now(),
				CustomerId.random(), Map.of());
		this.outbox.add(event);
		return event;
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

	/** The relay's process ending mid-delivery: not an exception it could record. */
	private static final class RelayDied extends Error {

		private static final long serialVersionUID = 1L;

	}

}
