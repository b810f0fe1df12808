package io.polyglot.app.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.DeliverOutboxEvents;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the relay draining an outbox backlog into the real local Cassandra: a backlog
 * of {@code -Dbench.events} (default 100,000) DepositMade events over 5,000 account
 * streams is written straight into the outbox for a private consumer name, then one relay
 * loop (claim 500, deliver, mark, as in production) drains it. Reports events/s; asserts
 * only that everything was delivered. Not part of the CI suite (the name does not end in
 * IT); run with {@code ./mvnw -pl modules/app -am verify -Dit.test=OutboxDrainBenchmark
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(properties = "polyglot.outbox.relay-enabled=false")
class OutboxDrainBenchmark {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutboxQueue queue;

	@Autowired
	Transactions transactions;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("cassandraEventLog")
	EventConsumer cassandra;

	@Test
	void drainABacklogIntoCassandra() {
		int events = Integer.getInteger("bench.events", 100_000);
		String consumer = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		long writeStart = System.nanoTime();
		long before = this.jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM outbox", Long.class);
		// one statement: the backlog is the outbox's shape exactly, as if the events had
		// piled up while Cassandra was down
		this.jdbc.update("""
				WITH owners AS (
				    SELECT n, gen_random_uuid() AS account, gen_random_uuid() AS owner FROM generate_series(1, 5000) n)
				INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
				SELECT gen_random_uuid(), 'account:' || o.account, 'DepositMade', o.owner,
				       now() - (? - g) * interval '1 millisecond',
				       jsonb_build_object('amount', '1.00', 'currency', 'EUR', 'seq', g::text)
				FROM generate_series(1, ?) g JOIN owners o ON o.n = 1 + g % 5000""", events, events);
		this.jdbc.update("""
				INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
				SELECT position, ?, now() - interval '1 hour' FROM outbox
				WHERE position > ? AND payload->>'seq' IS NOT NULL""", consumer, before);
		double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
		EventConsumer renamed = new EventConsumer() {
			@Override
			public String name() {
				return consumer;
			}

			@Override
			public void deliver(List<DomainEvent> batch) {
				OutboxDrainBenchmark.this.cassandra.deliver(batch);
			}
		};
		DeliverOutboxEvents relay = new DeliverOutboxEvents(this.queue, this.transactions, this.clock, 500,
				Duration.ofSeconds(1), Duration.ofSeconds(5));

		long start = System.nanoTime();
		long delivered = 0;
		int failures = 0;
		while (true) {
			DeliverOutboxEvents.Result result = relay.deliverBatch(renamed);
			if (result.failed()) {
				failures++;
				continue;
			}
			if (result.delivered() == 0) {
				break;
			}
			delivered += result.delivered();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"outbox drain: backlog of %d written in %.1f s; %d events delivered to Cassandra in %.1f s = %.0f events/s (%d failed batches)%n",
				events, writeSeconds, delivered, seconds, delivered / seconds, failures);
		assertThat(delivered).isEqualTo(events);
		this.jdbc.update(
				"DELETE FROM outbox WHERE position IN (SELECT position FROM outbox_delivery WHERE consumer = ?)",
				consumer);
	}

}
