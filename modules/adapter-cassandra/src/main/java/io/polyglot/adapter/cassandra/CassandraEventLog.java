package io.polyglot.adapter.cassandra;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

import com.datastax.oss.driver.api.core.CqlIdentifier;
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
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
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
 * writes in flight at once. Each append also writes the two tables the reads are modelled
 * on: {@code stream_days} (which days of a stream have events, so a stream's recent page
 * is two queries however sparse the stream) and {@code timeline_by_owner} (the owner's
 * events across all their streams, partitioned by owner and month, for
 * {@code GET /me/activity}). The session is Boot's lazy one: the service starts while
 * Cassandra is down, the schema is migrated on first successful use, and until then every
 * call fails at once as "cassandra unavailable".
 */
public final class CassandraEventLog implements EventLog, EventConsumer, StreamOwners {

	/** The consumer name the relay tracks delivery under. */
	public static final String CONSUMER_NAME = "eventlog";

	/**
	 * Partitions the first query of a read asks at once (two months cover the default
	 * 30-day window of a timeline); later rounds size themselves on what the first found.
	 */
	static final int FIRST_ROUND = 2;

	/** The most partitions one query of a read names in its {@code IN} list. */
	static final int MAX_ROUND = 64;

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

	private final RecentlyWritten daysWritten = new RecentlyWritten(100_000);

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
			List<String> days = daysToWrite(events);
			List<Statement<?>> writes = new ArrayList<>();
			owners.forEach((stream, owner) -> writes.add((owner != null)
					? statements.insertOwner.bind(stream, owner.value()) : statements.touchStream.bind(stream)));
			for (String streamDay : days) {
				int bar = streamDay.lastIndexOf('|');
				writes.add(statements.insertStreamDay.bind(streamDay.substring(0, bar),
						LocalDate.parse(streamDay.substring(bar + 1))));
			}
			writes.addAll(eventAndTimelineWrites(statements, events));
			executeAll(statements.session, writes);
			this.ownersWritten.remember(owners);
			this.daysWritten.remember(days);
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
		EventPosition after = (page.cursor() != null)
				? EventPosition.of(page.cursor(), stream.toString(), fromMicros, toMicros) : null;
		if (fromMicros >= toMicros) {
			return new Page<>(List.of(), null);
		}
		return CassandraCalls.call(() -> {
			Statements statements = statements();
			String key = stream.toString();
			LocalDate newest = (after != null) ? after.day() : EventTimes.dayOf(toMicros - 1);
			// query 1: the stream's days with events, newest first; a day holds at least
			// one event, so a page never needs more days than it holds events (plus the
			// cursor's own day, which may have none left after the cursor)
			int daysNeeded = page.limit() + 1 + ((after != null) ? 1 : 0);
			List<LocalDate> days = new ArrayList<>();
			for (Row row : statements.session
				.execute(statements.selectStreamDays.bind(key, newest, EventTimes.dayOf(fromMicros), daysNeeded))) {
				days.add(Objects.requireNonNull(row.getLocalDate("day")));
			}
			return new PartitionWalk(statements.session, key, fromMicros, toMicros, after, page.limit(),
					(row) -> toEvent(row, stream, row.getUuid("owner")))
				.read(days, (day) -> day, statements.selectDaysIn, statements.selectDayAfter);
		});
	}

	@Override
	public Page<DomainEvent> readTimeline(CustomerId owner, TimeRange range, PageRequest page) {
		long fromMicros = EventTimes.ceilMicros(range.from());
		long toMicros = EventTimes.ceilMicros(range.to());
		String scope = "activity:" + owner.value();
		EventPosition after = (page.cursor() != null) ? EventPosition.of(page.cursor(), scope, fromMicros, toMicros)
				: null;
		if (fromMicros >= toMicros) {
			return new Page<>(List.of(), null);
		}
		// the months of the range, newest first (from the cursor's month on a later page)
		List<LocalDate> months = new ArrayList<>();
		LocalDate oldest = EventTimes.monthOf(EventTimes.dayOf(fromMicros));
		for (LocalDate month = EventTimes
			.monthOf((after != null) ? after.day() : EventTimes.dayOf(toMicros - 1)); !month
				.isBefore(oldest); month = month.minusMonths(1)) {
			months.add(month);
		}
		return CassandraCalls.call(() -> {
			Statements statements = statements();
			return new PartitionWalk(statements.session, owner.value(), fromMicros, toMicros, after, page.limit(),
					(row) -> toEvent(row, EventStream.parse(Objects.requireNonNull(row.getString("stream"))),
							owner.value()))
				.withScope(scope)
				.read(months, EventTimes::monthOf, statements.selectTimelineIn, statements.selectTimelineAfter);
		});
	}

	private static DomainEvent toEvent(Row row, EventStream stream, @Nullable UUID owner) {
		return new DomainEvent(Objects.requireNonNull(row.getUuid("event_id")), stream,
				Objects.requireNonNull(row.getString("type")), EventTimes.instant(row.getLong("occurred_at_micros")),
				(owner != null) ? new CustomerId(owner) : null, row.getMap("payload", String.class, String.class));
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

	/**
	 * The {@code stream|day} keys of the delivery's day partitions that this instance has
	 * not yet listed in {@code stream_days}.
	 */
	private List<String> daysToWrite(List<DomainEvent> events) {
		Set<String> days = new LinkedHashSet<>();
		for (DomainEvent event : events) {
			days.add(event.stream() + "|" + EventTimes.dayOf(EventTimes.floorMicros(event.occurredAt())));
		}
		days.removeIf(this.daysWritten::has);
		return List.copyOf(days);
	}

	/**
	 * The inserts of the events and of their timeline copies, as the requests a delivery
	 * sends: unlogged batches per replica set.
	 */
	List<Statement<?>> eventAndTimelineWrites(List<DomainEvent> events) {
		return CassandraCalls.call(() -> eventAndTimelineWrites(statements(), events));
	}

	private List<Statement<?>> eventAndTimelineWrites(Statements statements, List<DomainEvent> events) {
		ReplicaBatches batches = new ReplicaBatches(statements.session.getMetadata().getTokenMap().orElse(null),
				this.properties.batchPartitions());
		addEventWrites(statements, events, batches);
		addTimelineWrites(statements, events, batches);
		return batches.writes();
	}

	private void addEventWrites(Statements statements, List<DomainEvent> events, ReplicaBatches batches) {
		for (DomainEvent event : events) {
			long micros = EventTimes.floorMicros(event.occurredAt());
			PartitionKey key = new PartitionKey("events", event.stream().toString(), EventTimes.dayOf(micros));
			BoundStatement insert = statements.insertEvent.bind(key.key(), key.bucket(), micros, event.id(),
					event.type(), (event.owner() != null) ? event.owner().value() : null, event.payload());
			if (event.owner() == null) {
				// unset, not null: a null would write a tombstone
				insert = insert.unset("owner");
			}
			batches.add(key, insert, approximateSize(event));
		}
	}

	/** A copy of every owned event in its owner's timeline partition of its month. */
	private void addTimelineWrites(Statements statements, List<DomainEvent> events, ReplicaBatches batches) {
		for (DomainEvent event : events) {
			CustomerId owner = event.owner();
			if (owner == null) {
				continue;
			}
			long micros = EventTimes.floorMicros(event.occurredAt());
			LocalDate month = EventTimes.monthOf(EventTimes.dayOf(micros));
			batches.add(new PartitionKey("timeline", owner.value().toString(), month),
					statements.insertTimeline.bind(owner.value(), month, micros, event.id(), event.stream().toString(),
							event.type(), event.payload()),
					approximateSize(event) + 40);
		}
	}

	/**
	 * Groups inserts into unlogged batches by the replicas that own their partitions,
	 * under the size, statement and partition bounds. Each event lands in partitions of
	 * its own (its stream's day, its owner's month), so batching per partition alone
	 * found nothing to group and every insert was a request; a batch whose partitions
	 * share one replica set is still applied by a replica without a second hop, and saves
	 * the requests. The partition bound defaults to Cassandra's {@code
	 * unlogged_batch_across_partitions_warn_threshold} (10), so a stock node logs
	 * nothing. Without a token map (metadata off) the groups fall back to one partition
	 * each.
	 */
	private final class ReplicaBatches {

		private final @Nullable TokenMap tokens;

		private final int maxPartitions;

		private final Map<Object, Map<PartitionKey, List<SizedInsert>>> groups = new LinkedHashMap<>();

		private final Map<PartitionKey, Object> groupOf = new HashMap<>();

		ReplicaBatches(@Nullable TokenMap tokens, int maxPartitions) {
			this.tokens = tokens;
			this.maxPartitions = maxPartitions;
		}

		void add(PartitionKey key, BoundStatement insert, int size) {
			Object group = this.groupOf.computeIfAbsent(key, (k) -> replicasOf(k, insert));
			this.groups.computeIfAbsent(group, (g) -> new LinkedHashMap<>())
				.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new SizedInsert(insert, size));
		}

		private Object replicasOf(PartitionKey key, BoundStatement insert) {
			if (this.tokens == null || this.maxPartitions == 1) {
				return key;
			}
			ByteBuffer routingKey = insert.getRoutingKey();
			CqlIdentifier keyspace = insert.getRoutingKeyspace();
			if (routingKey == null || keyspace == null) {
				return key;
			}
			Set<Node> replicas = this.tokens.getReplicas(keyspace, routingKey);
			// no replica known (schema not yet in the metadata): a group of its own
			return replicas.isEmpty() ? key : replicas;
		}

		/**
		 * The batches, each within one replica set, in the order their partitions came.
		 */
		List<Statement<?>> writes() {
			List<Statement<?>> writes = new ArrayList<>();
			for (Map<PartitionKey, List<SizedInsert>> group : this.groups.values()) {
				List<BoundStatement> batch = new ArrayList<>();
				int bytes = 0;
				int partitions = 0;
				for (List<SizedInsert> inserts : group.values()) {
					boolean newPartition = true;
					for (SizedInsert insert : inserts) {
						int size = insert.size();
						if (!batch.isEmpty() && (bytes + size > BATCH_BYTES || batch.size() >= BATCH_STATEMENTS
								|| (newPartition && partitions >= this.maxPartitions))) {
							writes.add(asWrite(batch));
							batch = new ArrayList<>();
							bytes = 0;
							partitions = 0;
							newPartition = true;
						}
						if (newPartition) {
							partitions++;
							newPartition = false;
						}
						batch.add(insert.statement());
						bytes += size;
					}
				}
				if (!batch.isEmpty()) {
					writes.add(asWrite(batch));
				}
			}
			return writes;
		}

	}

	/** An insert and its rough size in bytes. */
	private record SizedInsert(BoundStatement statement, int size) {

	}

	/** One insert alone, or several of one replica set as an unlogged batch. */
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
							this.properties.writes(),
							Map.of(2, (migrating) -> new TimelineBackfill(migrating, this.properties).run()))
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

	/** A partition of the log or of a timeline: its key and its time bucket. */
	private record PartitionKey(String table, String key, LocalDate bucket) {

	}

	/**
	 * One page read over time-bucketed partitions of one key (a stream's days, an owner's
	 * months), newest first: the partitions are asked with one {@code IN} query per
	 * round, each for at most the rows still missing ({@code PER PARTITION LIMIT}), and
	 * merged in clustering order. The first round asks {@link #FIRST_ROUND} partitions; a
	 * later round as many as the rows found so far suggest are needed. On a later page
	 * the cursor's own partition is read from the cursor on, beside the first round.
	 */
	private static final class PartitionWalk {

		// the clustering order of both tables: time, then event id, newest first
		private static final Comparator<Row> NEWEST_FIRST = Comparator
			.comparingLong((Row row) -> row.getLong("occurred_at_micros"))
			.thenComparing((Row row) -> Objects.requireNonNull(row.getUuid("event_id")).toString())
			.reversed();

		private final CqlSession session;

		private final Object key;

		private String scope;

		private final long fromMicros;

		private final long toMicros;

		private final @Nullable EventPosition after;

		private final int limit;

		private final Function<Row, DomainEvent> toEvent;

		PartitionWalk(CqlSession session, Object key, long fromMicros, long toMicros, @Nullable EventPosition after,
				int limit, Function<Row, DomainEvent> toEvent) {
			this.session = session;
			this.key = key;
			this.scope = key.toString();
			this.fromMicros = fromMicros;
			this.toMicros = toMicros;
			this.after = after;
			this.limit = limit;
			this.toEvent = toEvent;
		}

		/** The name the cursor carries, when it is not the key itself. */
		PartitionWalk withScope(String scope) {
			this.scope = scope;
			return this;
		}

		/**
		 * Reads the page from {@code buckets} (newest first); {@code bucketOf} maps the
		 * cursor's day to its bucket.
		 */
		Page<DomainEvent> read(List<LocalDate> buckets, Function<LocalDate, LocalDate> bucketOf,
				PreparedStatement selectIn, PreparedStatement selectAfter) {
			// one more than the page holds tells whether there is a next page
			int wanted = this.limit + 1;
			List<Row> rows = new ArrayList<>();
			int next = 0;
			int round = FIRST_ROUND;
			List<CompletableFuture<AsyncResultSet>> queries = new ArrayList<>();
			if (this.after != null && !buckets.isEmpty() && buckets.get(0).equals(bucketOf.apply(this.after.day()))) {
				queries.add(this.session
					.executeAsync(selectAfter.bind(this.key, buckets.get(0), this.after.occurredAtMicros(),
							this.after.eventId(), this.fromMicros, wanted))
					.toCompletableFuture());
				next = 1;
			}
			while (next < buckets.size() || !queries.isEmpty()) {
				if (next < buckets.size() && rows.size() < wanted) {
					List<LocalDate> ask = buckets.subList(next, Math.min(buckets.size(), next + round));
					queries.add(this.session
						.executeAsync(
								selectIn.bind(this.key, ask, this.fromMicros, this.toMicros, wanted - rows.size()))
						.toCompletableFuture());
					next += ask.size();
				}
				for (CompletableFuture<AsyncResultSet> query : queries) {
					collect(query.join(), rows);
				}
				queries.clear();
				rows.sort(NEWEST_FIRST);
				if (rows.size() >= wanted) {
					break;
				}
				// as many partitions as the rows found so far say the rest needs
				int perBucket = Math.max(1, rows.size() / Math.max(1, next));
				round = Math.min(MAX_ROUND, Math.max(round * 2, (wanted - rows.size() + perBucket - 1) / perBucket));
			}
			List<DomainEvent> events = rows.stream().limit(this.limit).map(this.toEvent).toList();
			if (rows.size() <= this.limit) {
				return new Page<>(events, null);
			}
			DomainEvent last = events.get(events.size() - 1);
			long micros = EventTimes.floorMicros(last.occurredAt());
			return new Page<>(events,
					new EventPosition(EventTimes.dayOf(micros), micros, last.id()).toCursor(this.scope));
		}

		/** Every row of the result, following the driver's pages. */
		private static void collect(AsyncResultSet result, List<Row> rows) {
			AsyncResultSet page = result;
			while (true) {
				page.currentPage().forEach(rows::add);
				if (!page.hasMorePages()) {
					return;
				}
				page = page.fetchNextPage().toCompletableFuture().join();
			}
		}

	}

	/** The prepared statements of one session; CQL text is never built from input. */
	private static final class Statements {

		private final CqlSession session;

		private final PreparedStatement insertEvent;

		private final PreparedStatement insertOwner;

		private final PreparedStatement touchStream;

		private final PreparedStatement selectOwner;

		private final PreparedStatement selectDaysIn;

		private final PreparedStatement selectDayAfter;

		private final PreparedStatement insertStreamDay;

		private final PreparedStatement selectStreamDays;

		private final PreparedStatement insertTimeline;

		private final PreparedStatement selectTimelineIn;

		private final PreparedStatement selectTimelineAfter;

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
			this.selectDaysIn = session.prepare(SimpleStatement
				.newInstance("SELECT " + columns + " FROM " + keyspace + ".events WHERE stream = ? AND day IN ?"
						+ " AND occurred_at_micros >= ? AND occurred_at_micros < ? PER PARTITION LIMIT ?")
				.setConsistencyLevel(properties.reads())
				.setIdempotent(true));
			this.insertStreamDay = session.prepare(
					SimpleStatement.newInstance("INSERT INTO " + keyspace + ".stream_days (stream, day) VALUES (?, ?)")
						.setConsistencyLevel(properties.writes())
						.setIdempotent(true));
			this.selectStreamDays = session.prepare(SimpleStatement
				.newInstance("SELECT day FROM " + keyspace + ".stream_days WHERE stream = ? AND day <= ? AND day >= ?"
						+ " LIMIT ?")
				.setConsistencyLevel(properties.reads())
				.setIdempotent(true));
			String timelineColumns = "month, occurred_at_micros, event_id, stream, type, payload";
			this.insertTimeline = session.prepare(SimpleStatement
				.newInstance("INSERT INTO " + keyspace + ".timeline_by_owner (owner, " + timelineColumns
						+ ") VALUES (?, ?, ?, ?, ?, ?, ?)")
				.setConsistencyLevel(properties.writes())
				.setIdempotent(true));
			this.selectTimelineIn = session.prepare(SimpleStatement
				.newInstance("SELECT " + timelineColumns + " FROM " + keyspace
						+ ".timeline_by_owner WHERE owner = ? AND month IN ?"
						+ " AND occurred_at_micros >= ? AND occurred_at_micros < ? PER PARTITION LIMIT ?")
				.setConsistencyLevel(properties.reads())
				.setIdempotent(true));
			this.selectTimelineAfter = session.prepare(SimpleStatement
				.newInstance("SELECT " + timelineColumns + " FROM " + keyspace
						+ ".timeline_by_owner WHERE owner = ? AND month = ?"
						+ " AND (occurred_at_micros, event_id) < (?, ?) AND (occurred_at_micros) >= (?) LIMIT ?")
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
