package io.polyglot.app.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.outbox.OutboxQueue.Claim;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two relays (two {@link DeliverOutboxEvents}, as two service instances run them, each
 * with two loops) draining one backlog of one consumer on the real PostgreSQL outbox into
 * the real Cassandra event log at once: every event is delivered, by exactly one relay,
 * and is in Cassandra exactly once; nothing is left undelivered. A relay that dies right
 * after its claim leaves its events leased; once the lease expires the live relays
 * deliver them too.
 */
class TwoRelaysIT extends EventLogTestSupport {

	private static final int STREAMS = 8;

	private static final int EVENTS_PER_STREAM = 60;

	@Autowired
	OutboxQueue queue;

	@Autowired
	Transactions transactions;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("cassandraEventLog")
	EventConsumer eventLogConsumer;

	/** How often each event reached the consumer, across both relays. */
	private final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();

	@Test
	void twoRelaysDrainOneBacklogDeliveringEachEventOnceIntoCassandra() throws Exception {
		String consumer = privateConsumer();
		List<EventStream> streams = backlog(consumer);

		drainWithTwoRelays(consumer, streams);

		assertThat(undelivered(consumer, streams)).as("no event stuck").isZero();
		assertEachEventDeliveredOnceAndInCassandraOnce(streams);
	}

	@Test
	void theEventsOfARelayThatDiedAfterItsClaimAreDeliveredOnceItsLeaseExpires() throws Exception {
		String consumer = privateConsumer();
		List<EventStream> streams = backlog(consumer);
		// the "crashed" relay: claims a batch with a short lease, then is never heard of
		Claim crashed = this.transactions
			.inTransaction(() -> this.queue.claim(consumer, 50, this.clock.now(), Duration.ofSeconds(2)));
		assertThat(crashed.events()).hasSize(50);

		drainWithTwoRelays(consumer, streams);

		assertThat(undelivered(consumer, streams)).as("no event stuck").isZero();
		assertThat(crashed.eventIds()).allSatisfy((id) -> assertThat(this.deliveries).containsKey(id));
		assertThat(this.transactions.inTransaction(() -> this.queue.markDelivered(crashed, this.clock.now())))
			.as("the dead relay's late mark finds its lease taken over")
			.isZero();
		assertEachEventDeliveredOnceAndInCassandraOnce(streams);
	}

	/**
	 * Both relays, two loops each, claim until the consumer has nothing undelivered left
	 * (an empty claim only means the rest is leased or backing off: wait and claim
	 * again).
	 */
	private void drainWithTwoRelays(String consumer, List<EventStream> streams) throws Exception {
		EventConsumer counting = counting(consumer);
		List<DeliverOutboxEvents> relays = List.of(relay(), relay());
		ExecutorService loops = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (DeliverOutboxEvents relay : relays) {
				for (int loop = 0; loop < 2; loop++) {
					running.add(loops.submit(() -> {
						long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
						while (undelivered(consumer, streams) > 0 && System.nanoTime() < deadline) {
							if (relay.deliverBatch(counting).claimed() == 0) {
								sleep(100);
							}
						}
					}));
				}
			}
			for (Future<?> loop : running) {
				loop.get(3, TimeUnit.MINUTES);
			}
		}
		finally {
			loops.shutdownNow();
		}
	}

	private void assertEachEventDeliveredOnceAndInCassandraOnce(List<EventStream> streams) {
		List<UUID> all = new ArrayList<>();
		for (EventStream stream : streams) {
			List<UUID> inOutbox = idsInOutbox(stream);
			assertThat(inOutbox).hasSize(EVENTS_PER_STREAM);
			assertThat(idsInEventLog(stream)).as("in Cassandra, once each")
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(inOutbox);
			all.addAll(inOutbox);
		}
		assertThat(this.deliveries.keySet()).containsExactlyInAnyOrderElementsOf(all);
		assertThat(this.deliveries).as("no event delivered by both relays")
			.allSatisfy((id, count) -> assertThat(count.get()).isOne());
	}

	private DeliverOutboxEvents relay() {
		return new DeliverOutboxEvents(this.queue, this.transactions, this.clock, 25, Duration.ofMillis(200),
				Duration.ofSeconds(1), Duration.ofSeconds(30));
	}

	/**
	 * A backlog of DepositMade events on fresh account streams, with delivery rows for
	 * the private consumer only (the service's own relay never sees them).
	 */
	private List<EventStream> backlog(String consumer) {
		List<EventStream> streams = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			EventStream stream = EventStream.account(UUID.randomUUID());
			streams.add(stream);
			this.jdbc.update("""
					WITH added AS (
					    INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
					    SELECT gen_random_uuid(), ?, 'DepositMade', gen_random_uuid(),
					           now() - (1000 - g) * interval '1 millisecond',
					           jsonb_build_object('amount', '1.00', 'currency', 'EUR', 'seq', g::text)
					    FROM generate_series(1, ?) g
					    RETURNING position)
					INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
					SELECT position, ?, now() - interval '1 minute' FROM added""", stream.toString(), EVENTS_PER_STREAM,
					consumer);
		}
		return streams;
	}

	private EventConsumer counting(String name) {
		return new EventConsumer() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void deliver(List<DomainEvent> events) {
				TwoRelaysIT.this.eventLogConsumer.deliver(events);
				events.forEach(
						(event) -> TwoRelaysIT.this.deliveries.computeIfAbsent(event.id(), (id) -> new AtomicInteger())
							.incrementAndGet());
			}
		};
	}

	private static String privateConsumer() {
		return "relays-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
