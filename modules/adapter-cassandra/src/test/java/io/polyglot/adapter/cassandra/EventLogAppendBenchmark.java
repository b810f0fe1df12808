package io.polyglot.adapter.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A measurement, not a test (its name keeps it out of CI): 100,000 events through the
 * relay's entry point {@code deliver} in batches of 500, as the outbox relay sends them,
 * against the local single-node Cassandra. Run with
 * {@code ./mvnw -pl modules/adapter-cassandra -am verify -Dtest=none -Dit.test=EventLogAppendBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = EventLogAppendBenchmark.Config.class,
		properties = "polyglot.cassandra.keyspace=polyglot_bench")
class EventLogAppendBenchmark {

	private static final int EVENTS = 100_000;

	private static final int BATCH = 500;

	/**
	 * Customers whose account streams the events go to: a few events per stream and day.
	 */
	private static final int STREAMS = 5_000;

	@DynamicPropertySource
	static void cassandra(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("cassandra"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	EventConsumer eventLog;

	@Test
	void appendHundredThousandEventsInRelayBatches() {
		List<EventStream> streams = new ArrayList<>();
		List<CustomerId> owners = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			streams.add(EventStream.account(UUID.randomUUID()));
			owners.add(CustomerId.random());
		}
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		List<List<DomainEvent>> batches = new ArrayList<>();
		for (int b = 0; b < EVENTS / BATCH; b++) {
			List<DomainEvent> batch = new ArrayList<>(BATCH);
			for (int i = 0; i < BATCH; i++) {
				int n = b * BATCH + i;
				int s = Math.floorMod(n * 31, STREAMS);
				// outbox order: time moves on with every event, 20 per second
				batch.add(new DomainEvent(UUID.randomUUID(), streams.get(s), EventTypes.DEPOSIT_MADE,
						start.plusMillis(n * 50L), owners.get(s),
						Map.of("amount", "12.50", "currency", "EUR", "balanceAfter", "1012.50")));
			}
			batches.add(batch);
		}
		// warm-up: connection, migrations, prepared statements, JIT
		this.eventLog.deliver(batches.get(0));

		long began = System.nanoTime();
		for (List<DomainEvent> batch : batches) {
			this.eventLog.deliver(batch);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		double perSecond = EVENTS / (took.toNanos() / 1e9);
		System.out.printf("EventLogAppendBenchmark: %,d events in batches of %d through deliver() in %.1f s: "
				+ "%,.0f events/s%n", EVENTS, BATCH, took.toMillis() / 1000.0, perSecond);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
