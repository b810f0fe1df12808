package io.polyglot.adapter.cassandra;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.polyglot.domain.demo.DemoEventLog;
import io.polyglot.domain.demo.DemoEventLogContract;
import io.polyglot.domain.demo.PartitionPlayground;
import io.polyglot.domain.demo.PartitionPlaygroundContract;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventLogContract;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.StreamOwnersContract;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log contract against a real local Cassandra, plus what only Cassandra shows:
 * the migrations, the partitions by stream and day, the owner table, large deliveries.
 */
@SpringBootTest(classes = CassandraEventLogIT.Config.class, properties = { "polyglot.cassandra.keyspace=polyglot_it",
		// the test machine is shared; a busy moment must not fail a read
		"spring.cassandra.request.timeout=10s" })
class CassandraEventLogIT extends EventLogContract {

	@DynamicPropertySource
	static void cassandra(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("cassandra"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	CassandraEventLog log;

	@Autowired
	EventLog eventLog;

	@Autowired
	EventConsumer consumer;

	@Autowired
	StreamOwners owners;

	@Autowired
	CqlSession session;

	@Autowired
	ObjectProvider<CqlSession> sessions;

	@Autowired
	CassandraEventLogProperties properties;

	private static CassandraDemoKeyspace demoKeyspace;

	@Override
	protected EventLog eventLog() {
		return this.eventLog;
	}

	@Test
	void oneBeanIsTheLogTheOwnerLookupAndTheEventlogConsumer() {
		assertThat(this.eventLog).isSameAs(this.log);
		assertThat(this.owners).isSameAs(this.log);
		assertThat(this.consumer).isSameAs(this.log);
		assertThat(this.consumer.name()).isEqualTo("eventlog");
	}

	@Test
	void migrationsAreRecordedAndASecondRunAppliesNothing() {
		this.log.ownerOf(newStream());

		List<Integer> versions = this.session.execute("SELECT version FROM polyglot_it.schema_migrations")
			.all()
			.stream()
			.map((row) -> row.getInt("version"))
			.toList();
		assertThat(versions).contains(1);
		assertThat(new CassandraMigrations("polyglot_it", "{'class': 'SimpleStrategy', 'replication_factor': 1}",
				DefaultConsistencyLevel.ONE)
			.migrate(this.session)).isEmpty();
		Row keyspace = this.session
			.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'polyglot_it'")
			.one();
		assertThat(keyspace).isNotNull();
		assertThat(keyspace.getMap("replication", String.class, String.class))
			.containsEntry("class", "org.apache.cassandra.locator.SimpleStrategy")
			.containsEntry("replication_factor", "1");
	}

	@Test
	void migrationV2FillsTheReadTablesFromEventsWrittenBeforeIt() {
		this.log.ownerOf(newStream());
		CustomerId owner = CustomerId.random();
		EventStream stream = EventStream.account(UUID.randomUUID());
		DomainEvent older = new DomainEvent(UUID.randomUUID(), stream, "DepositMade",
				CLOCK.now().minus(Duration.ofDays(40)), owner, Map.of("amount", "1.00"));
		DomainEvent newer = new DomainEvent(UUID.randomUUID(), stream, "DepositMade", CLOCK.now().minusSeconds(5),
				owner, Map.of("amount", "2.00"));
		// rows as a V1 log holds them: in events only
		for (DomainEvent event : List.of(older, newer)) {
			long micros = EventTimes.floorMicros(event.occurredAt());
			this.session.execute(this.session
				.prepare("INSERT INTO polyglot_it.events (stream, day, occurred_at_micros, event_id, type, owner,"
						+ " payload) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.bind(stream.toString(), EventTimes.dayOf(micros), micros, event.id(), event.type(), owner.value(),
						event.payload()));
		}
		TimeRange range = new TimeRange(CLOCK.now().minus(Duration.ofDays(60)), CLOCK.now());
		assertThat(this.eventLog.readTimeline(owner, range, PageRequest.first()).items()).isEmpty();
		this.session.execute("DELETE FROM polyglot_it.schema_migrations WHERE version = 2");

		assertThat(new CassandraMigrations("polyglot_it", "{'class': 'SimpleStrategy', 'replication_factor': 1}",
				DefaultConsistencyLevel.ONE,
				Map.of(2, (session) -> new TimelineBackfill(session, this.properties).run()))
			.migrate(this.session)).containsExactly(2);

		assertThat(this.eventLog.readTimeline(owner, range, PageRequest.first()).items()).containsExactly(newer, older);
		assertThat(this.eventLog.read(stream, range, PageRequest.first()).items()).containsExactly(newer, older);
	}

	@Test
	void eachStreamAndDayIsItsOwnPartition() {
		EventStream stream = newStream();
		DomainEvent today = event(stream, CLOCK.now().minusSeconds(10));
		DomainEvent yesterday = event(stream, CLOCK.now().minus(Duration.ofDays(1)));
		this.log.append(List.of(today, yesterday));

		for (DomainEvent event : List.of(today, yesterday)) {
			LocalDate day = EventTimes.dayOf(event.occurredAt());
			List<Row> rows = this.session
				.execute(this.session.prepare("SELECT event_id FROM polyglot_it.events WHERE stream = ? AND day = ?")
					.bind(stream.toString(), day))
				.all();
			assertThat(rows).extracting((row) -> row.getUuid("event_id")).containsExactly(event.id());
		}
	}

	@Test
	void theOwnerTableKnowsEveryStreamAndKeepsAKnownOwner() {
		CustomerId ada = CustomerId.random();
		EventStream account = EventStream.account(UUID.randomUUID());
		EventStream product = EventStream.product(UUID.randomUUID());
		this.log.append(List.of(new DomainEvent(UUID.randomUUID(), account, "DepositMade", CLOCK.now(), ada, Map.of()),
				new DomainEvent(UUID.randomUUID(), product, "ProductCreated", CLOCK.now(), null, Map.of())));
		// a later event of the account stream without an owner does not erase it
		this.log.append(List.of(new DomainEvent(UUID.randomUUID(), account, "DepositMade", CLOCK.now().plusSeconds(1),
				null, Map.of())));

		assertThat(this.owners.ownerOf(account)).contains(new StreamOwners.Owner(ada));
		assertThat(this.owners.ownerOf(product)).contains(new StreamOwners.Owner(null));
		assertThat(this.owners.ownerOf(newStream())).isEmpty();
	}

	@Test
	void aRelayBatchOfFiveHundredIsDeliveredOnceEvenWhenRedelivered() {
		EventStream busy = newStream();
		List<DomainEvent> batch = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			// half in one busy stream (batched per partition), half in streams of
			// their own
			EventStream stream = (i % 2 == 0) ? busy : newStream();
			batch.add(new DomainEvent(UUID.randomUUID(), stream, "OrderPlaced",
					CLOCK.now().minus(Duration.ofMinutes(i * 7L + 1)), CustomerId.random(),
					Map.of("note", "x".repeat(200), "index", Integer.toString(i))));
		}

		this.consumer.deliver(batch);
		this.consumer.deliver(batch);

		List<DomainEvent> expected = newestFirst(batch.stream().filter((e) -> e.stream().equals(busy)).toList());
		assertThat(readAll(busy, lastDays(3), 100)).containsExactlyElementsOf(expected);
		DomainEvent single = batch.get(1);
		assertThat(this.log.read(single.stream(), lastDays(1), io.polyglot.domain.shared.PageRequest.first()).items())
			.containsExactly(single);
	}

	@Test
	void aDeliveryOfManyStreamsAndOwnersGoesAsCrossPartitionBatchesAndReadsBackLikeSingleWrites() {
		List<CustomerId> customers = List.of(CustomerId.random(), CustomerId.random(), CustomerId.random());
		List<EventStream> streams = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			streams.add(newStream());
		}
		List<DomainEvent> batch = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			// three owners, some events without one, spread over 40 streams and 3 days
			CustomerId owner = (i % 5 == 4) ? null : customers.get(i % 3);
			batch.add(new DomainEvent(UUID.randomUUID(), streams.get(i % 40), "DepositMade",
					CLOCK.now().minus(Duration.ofMinutes(i * 31L + 1)), owner, Map.of("index", Integer.toString(i))));
		}

		List<Statement<?>> requests = this.log.eventAndTimelineWrites(batch);
		// one local node owns every partition: 120 event rows in up to 120 (stream, day)
		// partitions and 96 timeline rows in 3 (owner, month) ones go as a few requests,
		// where one per partition would be more than 40
		assertThat(requests).hasSizeLessThan(30);
		assertThat(requests).allSatisfy((request) -> {
			if (request instanceof BatchStatement unlogged) {
				assertThat(unlogged.getBatchType()).isEqualTo(DefaultBatchType.UNLOGGED);
				assertThat(partitionsOf(unlogged)).as("partitions of one batch")
					.isLessThanOrEqualTo(this.properties.batchPartitions());
			}
		});
		assertThat(requests.stream().mapToInt((r) -> (r instanceof BatchStatement b) ? b.size() : 1).sum())
			.isEqualTo(120 + 96);

		this.consumer.deliver(batch);
		this.consumer.deliver(batch);

		for (EventStream stream : streams) {
			assertThat(readAll(stream, lastDays(4), 7)).containsExactlyElementsOf(
					newestFirst(batch.stream().filter((e) -> e.stream().equals(stream)).toList()));
		}
		for (CustomerId customer : customers) {
			assertThat(everyPage(9, (page) -> this.log.readTimeline(customer, lastDays(4), page)))
				.containsExactlyElementsOf(
						newestFirst(batch.stream().filter((e) -> customer.equals(e.owner())).toList()));
		}
	}

	/** Distinct (table, partition key) pairs: the insert's query names its table. */
	private static long partitionsOf(BatchStatement batch) {
		Set<String> partitions = new HashSet<>();
		for (BatchableStatement<?> insert : batch) {
			BoundStatement bound = (BoundStatement) insert;
			partitions.add(bound.getPreparedStatement().getQuery() + bound.getRoutingKey());
		}
		return partitions.size();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

	/** Demo 6's event log table, in the demo keyspace. */
	@Nested
	class DemoEvents extends DemoEventLogContract {

		@Override
		protected DemoEventLog eventLog() {
			return new CassandraDemoEventLog(demoKeyspace());
		}

	}

	/** Demo 4's partitions, in the demo keyspace. */
	@Nested
	class DemoPartitions extends PartitionPlaygroundContract {

		@Override
		protected PartitionPlayground playground() {
			return new CassandraPartitionPlayground(demoKeyspace());
		}

	}

	/**
	 * The demo keyspace, built once per test JVM: its first use creates and seeds it,
	 * which takes seconds.
	 */
	private CassandraDemoKeyspace demoKeyspace() {
		synchronized (CassandraEventLogIT.class) {
			if (demoKeyspace == null) {
				demoKeyspace = new CassandraDemoKeyspace(this.sessions, this.properties);
			}
			return demoKeyspace;
		}
	}

	/** The stream owners contract against the same keyspace's owner table. */
	@Nested
	class Owners extends StreamOwnersContract {

		@Override
		protected EventLog eventLog() {
			return CassandraEventLogIT.this.eventLog;
		}

		@Override
		protected StreamOwners owners() {
			return CassandraEventLogIT.this.owners;
		}

	}

}
