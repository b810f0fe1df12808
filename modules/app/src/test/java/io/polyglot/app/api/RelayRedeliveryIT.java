package io.polyglot.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A relay that crashes between delivering to Cassandra and marking the outbox rows
 * delivered: the rows stay undelivered (leased to the dead claim) and are delivered again
 * once the lease has expired, and Cassandra still holds each event exactly once.
 */
class RelayRedeliveryIT extends EventLogTestSupport {

	private static final Duration LEASE = Duration.ofSeconds(30);

	@Autowired
	OutboxQueue queue;

	@Autowired
	Transactions transactions;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("cassandraEventLog")
	EventConsumer eventLogConsumer;

	@Test
	void aCrashAfterDeliveryAndBeforeMarkingCreatesNoDuplicates() {
		Client ada = newClient("crash");
		// a private consumer name, so the running relay leaves these deliveries alone
		String consumer = "crash-test-" + UUID.randomUUID().toString().substring(0, 8);
		depositOk(ada, "10.00");
		depositOk(ada, "20.00");
		EventStream stream = EventStream.account(UUID.fromString((String) account(ada).get("id")));
		List<UUID> events = idsInOutbox(stream);
		this.jdbc.update("""
				INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
				SELECT position, ?, now() FROM outbox WHERE stream = ?""", consumer, stream.toString());
		EventConsumer cassandra = renamed(consumer, this.eventLogConsumer);
		DeliverOutboxEvents crashing = new DeliverOutboxEvents(new CrashBeforeMarking(this.queue), this.transactions,
				this.clock, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), LEASE);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> crashing.deliverBatch(cassandra))
			.withMessageContaining("crash");
		assertThat(undeliveredFor(consumer)).isEqualTo(2);

		// the crashed relay's rows stay leased to it until the lease ends; a relay
		// running
		// after that (its clock past the lease) claims and delivers them again
		Clock afterTheLease = () -> this.clock.now().plus(LEASE).plusSeconds(1);
		DeliverOutboxEvents.Result retry = new DeliverOutboxEvents(this.queue, this.transactions, afterTheLease, 100,
				Duration.ofSeconds(1), Duration.ofSeconds(1), LEASE)
			.deliverBatch(cassandra);

		assertThat(retry.delivered()).isEqualTo(2);
		assertThat(undeliveredFor(consumer)).isZero();
		// the relay's own eventlog consumer delivers the same events too: still once each
		awaitTrue("regular relay delivered", Duration.ofMinutes(2),
				() -> undelivered("eventlog", List.of(stream)) == 0);
		assertThat(idsInEventLog(stream)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(events);
	}

	private long undeliveredFor(String consumer) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox_delivery WHERE consumer = ? AND delivered_at IS NULL", Long.class,
				consumer);
	}

	private static EventConsumer renamed(String name, EventConsumer delegate) {
		return new EventConsumer() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void deliver(List<DomainEvent> events) {
				delegate.deliver(events);
			}
		};
	}

	/** The real outbox queue, except that the process "dies" when marking delivered. */
	private record CrashBeforeMarking(OutboxQueue delegate) implements OutboxQueue {

		@Override
		public Claim claim(String consumer, int max, Instant now, Duration leaseFor) {
			return this.delegate.claim(consumer, max, now, leaseFor);
		}

		@Override
		public int markDelivered(Claim claim, Instant now) {
			throw new IllegalStateException("crash between delivery and marking");
		}

		@Override
		public int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error) {
			return this.delegate.markFailed(claim, now, firstBackoff, maxBackoff, error);
		}

		@Override
		public List<OutboxLag> lag(Instant now) {
			return this.delegate.lag(now);
		}

		@Override
		public int prune(Instant deliveredBefore, int max) {
			return this.delegate.prune(deliveredBefore, max);
		}

	}

}
