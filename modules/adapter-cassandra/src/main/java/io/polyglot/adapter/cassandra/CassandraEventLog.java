package io.polyglot.adapter.cassandra;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The event log in Cassandra, partitioned by stream and UTC day, and the relay's
 * {@code "eventlog"} consumer. Appends are idempotent (the event id is in the primary
 * key); a delivery groups its events per partition into unlogged batches and keeps many
 * writes in flight at once. The session is Boot's lazy one: the service starts while
 * Cassandra is down, the schema is migrated on first successful use, and until then every
 * call fails at once as "cassandra unavailable".
 */
public final class CassandraEventLog implements EventLog, EventConsumer, StreamOwners {

	/** The consumer name the relay tracks delivery under. */
	public static final String CONSUMER_NAME = "eventlog";

	/** Day partitions read concurrently while walking a range back in time. */
	static final int DAYS_PER_ROUND = 8;

	/**
	 * Rough bytes per unlogged batch, under Cassandra's default 5 KiB warning threshold.
	 */
	static final int BATCH_BYTES = 4 * 1024;

	private static final int BATCH_STATEMENTS = 50;

	private final ObjectProvider<CqlSession> sessionProvider;

	private final CassandraEventLogProperties properties;

	/**
	 * After a failed first connection, calls fail at once for this long before the next
	 * attempt is made.
	 */
	static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(CassandraEventLog.class);

	private volatile @Nullable Statements statements;

	private final OwnersWritten ownersWritten = new OwnersWritten(100_000);

	private volatile @Nullable StoreUnavailableException lastOutage;

	private volatile long lastOutageAt;

	CassandraEventLog(ObjectProvider<CqlSession> sessionProvider, CassandraEventLogProperties properties) {
		this.sessionProvider = sessionProvider;
		this.properties = properties;
	}

	/**
	 * Connects, migrates and prepares now instead of on the first request; when Cassandra
	 * is down this only logs, and the first use tries again.
	 */
	void warmUp() {
		try {
			CassandraCalls.call(this::statements);
		}
		catch (StoreUnavailableException ex) {
			log.warn("Event log not ready, Cassandra is unavailable; will retry on first use: {}", ex.getMessage());
		}
	}

	@Override
	public String name() {
		return CONSUMER_NAME;
	}

	@Override
	public void deliver(List<DomainEvent> events) {
		append(events);
	}

	@Override
	public void append(List<DomainEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		CassandraCalls.call(() -> {
			Statements statements = statements();
			Map<String, @Nullable CustomerId> owners = ownersToWrite(events);
			List<Statement<?>> writes = new ArrayList<>();
			owners.forEach((stream, owner) -> writes.add((owner != null)
					? statements.insertOwner.bind(stream, owner.value()) : statements.touchStream.bind(stream)));
			writes.addAll(eventWrites(statements, events));
			executeAll(statements.session, writes);
			this.ownersWritten.remember(owners);
			return null;
		});
	}

	@Override
	public Optional<Owner> ownerOf(EventStream stream) {
		return CassandraCalls.call(() -> {
			Statements statements = statements();
			Row row = statements.session.execute(statements.selectOwner.bind(stream.toString())).one();
			if (row == null) {
				return Optional.empty();
			}
			UUID owner = row.getUuid("owner");
			return Optional.of(new Owner((owner != null) ? new CustomerId(owner) : null));
		});
	}

	@Override
	public Page<DomainEvent> read(EventStream stream, TimeRange range, PageRequest page) {
		long fromMicros = EventTimes.ceilMicros(range.from());
		long toMicros = EventTimes.ceilMicros(range.to());
		// the cursor is checked before Cassandra is asked, so a tampered one is a 400
		// even while Cassandra is down
		EventPosition after = (page.cursor() != null) ? EventPosition.of(page.cursor(), stream, fromMicros, toMicros)
				: null;
		if (fromMicros >= toMicros) {
			return new Page<>(List.of(), null);
		}
		return CassandraCalls
			.call(() -> new StreamReader(statements(), stream, fromMicros, toMicros, after, page.limit()).read());
	}

	/**
	 * One owner write per stream of the delivery, none for streams this instance has
	 * already written with that owner. An owner once known is never overwritten by an
	 * event without one (that write leaves the owner column unset, not null).
	 */
	private Map<String, @Nullable CustomerId> ownersToWrite(List<DomainEvent> events) {
		Map<String, @Nullable CustomerId> owners = new LinkedHashMap<>();
		for (DomainEvent event : events) {
			String stream = event.stream().toString();
			if (event.owner() != null || !owners.containsKey(stream)) {
				owners.put(stream, event.owner());
			}
		}
		owners.entrySet().removeIf((entry) -> this.ownersWritten.has(entry.getKey(), entry.getValue()));
		return owners;
	}

	private List<Statement<?>> eventWrites(Statements statements, List<DomainEvent> events) {
		Map<PartitionKey, List<BoundStatement>> partitions = new LinkedHashMap<>();
		Map<PartitionKey, Integer> sizes = new LinkedHashMap<>();
		List<Statement<?>> writes = new ArrayList<>();
		for (DomainEvent event : events) {
			long micros = EventTimes.floorMicros(event.occurredAt());
			PartitionKey key = new PartitionKey(event.stream().toString(), EventTimes.dayOf(micros));
			BoundStatement insert = statements.insertEvent.bind(key.stream(), key.day(), micros, event.id(),
					event.type(), (event.owner() != null) ? event.owner().value() : null, event.payload());
			if (event.owner() == null) {
				// unset, not null: a null would write a tombstone
				insert = insert.unset("owner");
			}
			int size = approximateSize(event);
			List<BoundStatement> batch = partitions.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (!batch.isEmpty()
					&& (sizes.getOrDefault(key, 0) + size > BATCH_BYTES || batch.size() >= BATCH_STATEMENTS)) {
				writes.add(asWrite(batch));
				batch = new ArrayList<>();
				partitions.put(key, batch);
				sizes.put(key, 0);
			}
			batch.add(insert);
			sizes.merge(key, size, Integer::sum);
		}
		partitions.values().stream().filter((batch) -> !batch.isEmpty()).map(this::asWrite).forEach(writes::add);
		return writes;
	}

	/** One insert alone, or several of one partition as an unlogged batch. */
	private Statement<?> asWrite(List<BoundStatement> inserts) {
		if (inserts.size() == 1) {
			return inserts.get(0);
		}
		BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
		inserts.forEach(batch::addStatement);
		return batch.setConsistencyLevel(this.properties.writes()).setIdempotence(true).build();
	}

	private static int approximateSize(DomainEvent event) {
		int size = 120 + event.type().length();
		for (Map.Entry<String, String> entry : event.payload().entrySet()) {
			size += entry.getKey().length() + entry.getValue().length() + 8;
		}
		return size;
	}

	/**
	 * Runs the writes concurrently, at most {@code maxInFlight} at a time; waits for all.
	 */
	private void executeAll(CqlSession session, List<Statement<?>> writes) {
		Semaphore inFlight = new Semaphore(this.properties.maxInFlight());
		List<CompletableFuture<AsyncResultSet>> results = new ArrayList<>(writes.size());
		for (Statement<?> write : writes) {
			inFlight.acquireUninterruptibly();
			CompletionStage<AsyncResultSet> result = session.executeAsync(write);
			result.whenComplete((ok, failure) -> inFlight.release());
			results.add(result.toCompletableFuture());
		}
		try {
			CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
		}
		catch (RuntimeException ex) {
			throw CassandraCalls.translate(ex);
		}
	}

	/**
	 * The prepared statements, preparing them (and migrating the schema) on first use; a
	 * failure leaves nothing cached, so the next call tries again.
	 */
	private Statements statements() {
		Statements ready = this.statements;
		if (ready != null) {
			return ready;
		}
		StoreUnavailableException recent = this.lastOutage;
		if (recent != null && System.nanoTime() - this.lastOutageAt < RETRY_AFTER_OUTAGE.toNanos()) {
			// fail at once instead of queueing every request behind another
			// connect attempt
			throw new StoreUnavailableException(CassandraCalls.STORE, recent.getMessage(), recent);
		}
		synchronized (this) {
			if (this.statements == null) {
				try {
					CqlSession session = this.sessionProvider.getObject();
					new CassandraMigrations(this.properties.keyspace(), this.properties.replicationCql(),
							this.properties.writes())
						.migrate(session);
					this.statements = new Statements(session, this.properties);
					this.lastOutage = null;
				}
				catch (RuntimeException ex) {
					RuntimeException translated = CassandraCalls.translate(ex);
					if (translated instanceof StoreUnavailableException outage) {
						this.lastOutageAt = System.nanoTime();
						this.lastOutage = outage;
					}
					throw translated;
				}
			}
			return Objects.requireNonNull(this.statements);
		}
	}

	private record PartitionKey(String stream, LocalDate day) {

	}

	/** One read of a stream: walks day partitions from the newest back to the oldest. */
	private static final class StreamReader {

		private final Statements statements;

		private final EventStream eventStream;

		private final String stream;

		private final long fromMicros;

		private final long toMicros;

		private final @Nullable EventPosition after;

		private final int limit;

		StreamReader(Statements statements, EventStream stream, long fromMicros, long toMicros,
				@Nullable EventPosition after, int limit) {
			this.statements = statements;
			this.eventStream = stream;
			this.stream = stream.toString();
			this.fromMicros = fromMicros;
			this.toMicros = toMicros;
			this.after = after;
			this.limit = limit;
		}

		Page<DomainEvent> read() {
			// one more than the page holds tells whether there is a next page
			int wanted = this.limit + 1;
			List<Row> rows = new ArrayList<>();
			LocalDate oldest = EventTimes.dayOf(this.fromMicros);
			LocalDate day = (this.after != null) ? this.after.day() : EventTimes.dayOf(this.toMicros - 1);
			while (rows.size() < wanted && !day.isBefore(oldest)) {
				// a sparse stream would cost one round trip per day; ask a few days
				// at once
				List<CompletableFuture<AsyncResultSet>> round = new ArrayList<>();
				int missing = wanted - rows.size();
				for (int i = 0; i < DAYS_PER_ROUND && !day.isBefore(oldest); i++, day = day.minusDays(1)) {
					round.add(this.statements.session.executeAsync(query(day, missing)).toCompletableFuture());
				}
				for (CompletableFuture<AsyncResultSet> result : round) {
					for (Row row : result.join().currentPage()) {
						if (rows.size() < wanted) {
							rows.add(row);
						}
					}
				}
			}
			List<DomainEvent> events = rows.stream().limit(this.limit).map(this::toEvent).toList();
			if (rows.size() <= this.limit) {
				return new Page<>(events, null);
			}
			Row last = rows.get(this.limit - 1);
			return new Page<>(events,
					new EventPosition(Objects.requireNonNull(last.getLocalDate("day")),
							last.getLong("occurred_at_micros"), Objects.requireNonNull(last.getUuid("event_id")))
						.toCursor(this.eventStream));
		}

		private BoundStatement query(LocalDate day, int rowLimit) {
			if (this.after != null && day.equals(this.after.day())) {
				return this.statements.selectDayAfter.bind(this.stream, day, this.after.occurredAtMicros(),
						this.after.eventId(), this.fromMicros, rowLimit);
			}
			return this.statements.selectDay.bind(this.stream, day, this.fromMicros, this.toMicros, rowLimit);
		}

		private DomainEvent toEvent(Row row) {
			UUID owner = row.getUuid("owner");
			return new DomainEvent(Objects.requireNonNull(row.getUuid("event_id")), this.eventStream,
					Objects.requireNonNull(row.getString("type")),
					EventTimes.instant(row.getLong("occurred_at_micros")),
					(owner != null) ? new CustomerId(owner) : null, row.getMap("payload", String.class, String.class));
		}

	}

	/** The prepared statements of one session; CQL text is never built from input. */
	private static final class Statements {

		private final CqlSession session;

		private final PreparedStatement insertEvent;

		private final PreparedStatement insertOwner;

		private final PreparedStatement touchStream;

		private final PreparedStatement selectOwner;

		private final PreparedStatement selectDay;

		private final PreparedStatement selectDayAfter;

		/**
		 * Every statement is idempotent (an insert writes the same values under the
		 * event's own key; a read is a read), so the driver may retry it on another
		 * replica when the node it was sent to dies mid-request: losing one node of a
		 * ring then fails no request.
		 */
		Statements(CqlSession session, CassandraEventLogProperties properties) {
			String keyspace = properties.keyspace();
			String columns = "day, occurred_at_micros, event_id, type, owner, payload";
			this.session = session;
			this.insertEvent = session.prepare(SimpleStatement
				.newInstance(
						"INSERT INTO " + keyspace + ".events (stream, " + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
				.setConsistencyLevel(properties.writes())
				.setIdempotent(true));
			this.insertOwner = session.prepare(SimpleStatement
				.newInstance("INSERT INTO " + keyspace + ".stream_owners (stream, owner) VALUES (?, ?)")
				.setConsistencyLevel(properties.writes())
				.setIdempotent(true));
			this.touchStream = session
				.prepare(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".stream_owners (stream) VALUES (?)")
					.setConsistencyLevel(properties.writes())
					.setIdempotent(true));
			this.selectOwner = session.prepare(
					SimpleStatement.newInstance("SELECT owner FROM " + keyspace + ".stream_owners WHERE stream = ?")
						.setConsistencyLevel(properties.reads())
						.setIdempotent(true));
			this.selectDay = session.prepare(SimpleStatement
				.newInstance("SELECT " + columns + " FROM " + keyspace + ".events WHERE stream = ? AND day = ?"
						+ " AND occurred_at_micros >= ? AND occurred_at_micros < ? LIMIT ?")
				.setConsistencyLevel(properties.reads())
				.setIdempotent(true));
			// strictly after the cursor in clustering order (newest first): older
			// time, or the same time and a smaller event id
			this.selectDayAfter = session.prepare(SimpleStatement
				.newInstance("SELECT " + columns + " FROM " + keyspace + ".events WHERE stream = ? AND day = ?"
						+ " AND (occurred_at_micros, event_id) < (?, ?) AND (occurred_at_micros) >= (?) LIMIT ?")
				.setConsistencyLevel(properties.reads())
				.setIdempotent(true));
		}

	}

}
