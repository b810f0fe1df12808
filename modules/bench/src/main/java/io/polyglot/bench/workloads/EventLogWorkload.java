package io.polyglot.bench.workloads;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.polyglot.adapter.cassandra.CassandraEventLog;
import io.polyglot.adapter.cassandra.CassandraPorts;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.harness.Load;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Event log (Cassandra): append one event, append a batch of 100 (async inside the
 * adapter), read a stream's most recent page of 20, read a two-day time range, read an
 * owner's timeline page; and growth per stream: the recent page of one stream holding 1k,
 * 10k (and 100k in a full run) events. Targets: the Cassandra adapter (port), the same
 * statements through the bare driver (raw: async writes, the adapter's two-query read),
 * and the routing's PostgreSQL event-log adapter, an append-only table (baseline). Data:
 * 100 events per stream over the last ten days, so a page spans two or three day
 * partitions.
 */
public final class EventLogWorkload implements Workload {

	private static final int PER_STREAM = 100;

	private static final int BATCH = 100;

	private static final int PAGE = 20;

	private static final Duration SPREAD = Duration.ofDays(10);

	@Override
	public String concern() {
		return "eventlog";
	}

	@Override
	public String store() {
		return "cassandra";
	}

	@Override
	public Set<String> needs() {
		return Set.of("cassandra", "postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		CqlSession session = stores.cassandra();
		CassandraEventLog port = CassandraPorts.eventLog(session, Stores.NAMESPACE);
		// the baseline is the routing's PostgreSQL event-log adapter (same port, same
		// contract): an append-only table keyed (stream, time, id), BRIN on time
		EventLog pg = PostgresPorts.eventLog(stores.postgres());
		String cassandraLabel = stores.implementations().get("cassandra");
		String pgLabel = stores.implementations().get("postgres");
		// migrates the keyspace before the raw statements are prepared against it
		port.append(List.of(event(EventStream.customer(UUID.randomUUID()), CustomerId.random(), Instant.now())));
		Raw raw = new Raw(session, Stores.NAMESPACE);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<EventStream> streams = new ArrayList<>();
		List<CustomerId> owners = new ArrayList<>();
		long loaded = 0;
		for (long size : context.settings().sizesOr(List.of(20_000L), List.of(100_000L, 1_000_000L))) {
			context.progress().message("eventlog: appending up to " + size + " events (" + PER_STREAM + " per stream)");
			List<List<DomainEvent>> load = new ArrayList<>();
			while (loaded < size) {
				EventStream stream = EventStream.account(UUID.randomUUID());
				CustomerId owner = CustomerId.random();
				streams.add(stream);
				owners.add(owner);
				List<DomainEvent> events = new ArrayList<>();
				for (int e = 0; e < PER_STREAM; e++) {
					// distinct times within a stream: the order is then the time order in
					// both stores
					events.add(event(stream, owner, now.minus(SPREAD.multipliedBy(e).dividedBy(PER_STREAM))
						.minus(streams.size(), ChronoUnit.MICROS)));
				}
				load.add(events);
				loaded += PER_STREAM;
			}
			Load.parallel(load.size(), (i) -> {
				port.append(load.get((int) i));
				pg.append(load.get((int) i));
			});
			int n = streams.size();
			Instant end = now.plusSeconds(1);
			Instant from = end.minus(Duration.ofDays(30));
			Instant rangeFrom = now.minus(Duration.ofDays(5));
			Instant rangeTo = now.minus(Duration.ofDays(3));

			context
				.check("recent-page",
						Equivalence.targets("port", (Equivalence.Answer) (i) -> ids(port
							.read(streams.get((i * 7919) % n), new TimeRange(from, end), new PageRequest(PAGE, null))
							.items()), "raw",
								(Equivalence.Answer) (i) -> raw.read(streams.get((i * 7919) % n), from, end, PAGE),
								"baseline", (Equivalence.Answer) (i) -> ids(pg.read(streams.get((i * 7919) % n),
										new TimeRange(from, end), new PageRequest(PAGE, null))
									.items())));
			context.check("time-range", Equivalence.targets("port",
					(Equivalence.Answer) (i) -> ids(port
						.read(streams.get((i * 7919) % n), new TimeRange(rangeFrom, rangeTo),
								new PageRequest(100, null))
						.items()),
					"raw", (Equivalence.Answer) (i) -> raw.read(streams.get((i * 7919) % n), rangeFrom, rangeTo, 100),
					"baseline",
					(Equivalence.Answer) (i) -> ids(pg
						.read(streams.get((i * 7919) % n), new TimeRange(rangeFrom, rangeTo),
								new PageRequest(100, null))
						.items())));

			context.measure(concern(), "recent-page", "port", cassandraLabel, size, (op) -> port
				.read(streams.get((int) ((op * 7919) % n)), new TimeRange(from, end), new PageRequest(PAGE, null)));
			context.measure(concern(), "recent-page", "raw", cassandraLabel, size,
					(op) -> raw.read(streams.get((int) ((op * 7919) % n)), from, end, PAGE));
			context.measure(concern(), "recent-page", "baseline", pgLabel, size, (op) -> pg
				.read(streams.get((int) ((op * 7919) % n)), new TimeRange(from, end), new PageRequest(PAGE, null)));
			context.measure(concern(), "time-range", "port", cassandraLabel, size,
					(op) -> port.read(streams.get((int) ((op * 7919) % n)), new TimeRange(rangeFrom, rangeTo),
							new PageRequest(100, null)));
			context.measure(concern(), "time-range", "raw", cassandraLabel, size,
					(op) -> raw.read(streams.get((int) ((op * 7919) % n)), rangeFrom, rangeTo, 100));
			context.measure(concern(), "time-range", "baseline", pgLabel, size,
					(op) -> pg.read(streams.get((int) ((op * 7919) % n)), new TimeRange(rangeFrom, rangeTo),
							new PageRequest(100, null)));

			// GET /me/activity: the owner's timeline across their streams (each bench
			// stream has an owner of its own), against one raw read of the owner's newest
			// timeline partition, the floor any design pays
			context.check("timeline-page",
					Equivalence.targets("port", (Equivalence.Answer) (i) -> ids(port
						.readTimeline(owners.get((i * 7919) % n), new TimeRange(from, end), new PageRequest(PAGE, null))
						.items()), "baseline",
							(Equivalence.Answer) (i) -> ids(pg.readTimeline(owners.get((i * 7919) % n),
									new TimeRange(from, end), new PageRequest(PAGE, null))
								.items())));
			context.measure(concern(), "timeline-page", "port", cassandraLabel, size,
					(op) -> port.readTimeline(owners.get((int) ((op * 7919) % n)), new TimeRange(from, end),
							new PageRequest(PAGE, null)));
			context.measure(concern(), "timeline-page", "raw", cassandraLabel, size,
					(op) -> raw.readTimelinePartition(owners.get((int) ((op * 7919) % n)), end, PAGE));
			context.measure(concern(), "timeline-page", "baseline", pgLabel, size,
					(op) -> pg.readTimeline(owners.get((int) ((op * 7919) % n)), new TimeRange(from, end),
							new PageRequest(PAGE, null)));

			// appends go to the existing streams (their owners are known, as in the
			// service)
			context.measure(concern(), "append-1", "port", cassandraLabel, size, (op) -> port
				.append(List.of(event(streams.get((int) (op % n)), owners.get((int) (op % n)), Instant.now()))));
			context.measure(concern(), "append-1", "raw", cassandraLabel, size, (op) -> raw
				.append(List.of(event(streams.get((int) (op % n)), owners.get((int) (op % n)), Instant.now()))));
			context.measure(concern(), "append-1", "baseline", pgLabel, size, (op) -> pg
				.append(List.of(event(streams.get((int) (op % n)), owners.get((int) (op % n)), Instant.now()))));
			context.measure(concern(), "append-100", "port", cassandraLabel, size,
					(op) -> port.append(batch(streams, owners, op)));
			context.measure(concern(), "append-100", "raw", cassandraLabel, size,
					(op) -> raw.append(batch(streams, owners, op)));
			context.measure(concern(), "append-100", "baseline", pgLabel, size,
					(op) -> pg.append(batch(streams, owners, op)));
		}
		// growth per stream: one stream at a time grows to each size (spread over the
		// same ten days, so its day partitions grow too); the size column is the
		// stream's event count
		EventStream hot = EventStream.account(UUID.randomUUID());
		CustomerId hotOwner = CustomerId.random();
		Instant hotNow = Instant.now().truncatedTo(ChronoUnit.MICROS);
		long inHot = 0;
		for (long perStream : context.settings()
			.sizesOr(List.of(1_000L, 10_000L), List.of(1_000L, 10_000L, 100_000L))) {
			context.progress().message("eventlog: growing one stream to " + perStream + " events");
			List<List<DomainEvent>> load = new ArrayList<>();
			while (inHot < perStream) {
				List<DomainEvent> batch = new ArrayList<>();
				for (int e = 0; e < 500 && inHot < perStream; e++, inHot++) {
					// distinct, older times as the stream grows: the newest page stays
					// the
					// same events, so only the stream's size changes
					batch.add(event(hot, hotOwner, hotNow.minus(SPREAD.multipliedBy(inHot).dividedBy(100_000))
						.minus(inHot, ChronoUnit.MICROS)));
				}
				load.add(batch);
			}
			Load.parallel(load.size(), (i) -> {
				port.append(load.get((int) i));
				pg.append(load.get((int) i));
			});
			Instant end = hotNow.plusSeconds(1);
			TimeRange window = new TimeRange(end.minus(Duration.ofDays(30)), end);
			context.check("stream-growth", Equivalence.targets("port",
					(Equivalence.Answer) (i) -> ids(port.read(hot, window, new PageRequest(PAGE, null)).items()), "raw",
					(Equivalence.Answer) (i) -> raw.read(hot, window.from(), end, PAGE), "baseline",
					(Equivalence.Answer) (i) -> ids(pg.read(hot, window, new PageRequest(PAGE, null)).items())));
			context.measure(concern(), "stream-growth", "port", cassandraLabel, perStream,
					(op) -> port.read(hot, window, new PageRequest(PAGE, null)));
			context.measure(concern(), "stream-growth", "raw", cassandraLabel, perStream,
					(op) -> raw.read(hot, window.from(), end, PAGE));
			context.measure(concern(), "stream-growth", "baseline", pgLabel, perStream,
					(op) -> pg.read(hot, window, new PageRequest(PAGE, null)));
		}
		context.note("eventlog: append-100 rows count batches; events/s = ops/s × 100. The adapter groups a batch "
				+ "per partition into unlogged batches with up to 64 writes in flight; raw sends one async insert "
				+ "per event; the PostgreSQL baseline is the routing's event-log adapter. stream-growth rows: the size "
				+ "is the events in one stream (the same newest page at every size).");
	}

	private static List<DomainEvent> batch(List<EventStream> streams, List<CustomerId> owners, long op) {
		// a relay batch: a hundred events over ten streams
		List<DomainEvent> events = new ArrayList<>(BATCH);
		Instant at = Instant.now();
		for (int i = 0; i < BATCH; i++) {
			int stream = (int) ((op * 10 + i % 10) % streams.size());
			events.add(event(streams.get(stream), owners.get(stream), at.plus(i, ChronoUnit.MICROS)));
		}
		return events;
	}

	private static DomainEvent event(EventStream stream, @Nullable CustomerId owner, Instant at) {
		return new DomainEvent(UUID.randomUUID(), stream, "DepositMade", at.truncatedTo(ChronoUnit.MICROS), owner,
				Map.of("amount", "12.50", "currency", "EUR", "balance", "1012.50"));
	}

	private static List<String> ids(List<DomainEvent> events) {
		return events.stream().map((e) -> e.id().toString()).toList();
	}

	/** The adapter's statements against the bare driver. */
	private static final class Raw {

		private final CqlSession session;

		private final PreparedStatement insert;

		private final PreparedStatement selectDays;

		private final PreparedStatement selectDaysIn;

		private final PreparedStatement selectTimeline;

		Raw(CqlSession session, String keyspace) {
			this.session = session;
			this.insert = session.prepare(SimpleStatement
				.newInstance("INSERT INTO " + keyspace + ".events (stream, day, occurred_at_micros, event_id, type, "
						+ "owner, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
			this.selectDays = session.prepare(SimpleStatement
				.newInstance("SELECT day FROM " + keyspace + ".stream_days WHERE stream = ? AND day <= ? AND day >= ?"
						+ " LIMIT ?")
				.setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
			this.selectDaysIn = session.prepare(SimpleStatement
				.newInstance("SELECT occurred_at_micros, event_id FROM " + keyspace + ".events WHERE stream = ?"
						+ " AND day IN ? AND occurred_at_micros >= ? AND occurred_at_micros < ? PER PARTITION LIMIT ?")
				.setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
			this.selectTimeline = session.prepare(SimpleStatement
				.newInstance("SELECT event_id FROM " + keyspace + ".timeline_by_owner WHERE owner = ? AND month = ?"
						+ " LIMIT ?")
				.setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
		}

		void append(List<DomainEvent> events) {
			List<CompletableFuture<AsyncResultSet>> writes = new ArrayList<>();
			for (DomainEvent e : events) {
				long micros = micros(e.occurredAt());
				writes.add(
						this.session
							.executeAsync(this.insert.bind(e.stream().toString(), day(micros), micros, e.id(), e.type(),
									(e.owner() != null) ? e.owner().value() : null, e.payload()))
							.toCompletableFuture());
			}
			CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
		}

		/**
		 * The adapter's two queries by hand: the stream's days with events, then one
		 * {@code IN} read of the newest of them, merged newest first (the bench's streams
		 * hold a page within their few newest days).
		 */
		List<String> read(EventStream stream, Instant from, Instant to, int limit) {
			long fromMicros = micros(from);
			long toMicros = micros(to);
			List<LocalDate> days = new ArrayList<>();
			for (Row row : this.session
				.execute(this.selectDays.bind(stream.toString(), day(toMicros - 1), day(fromMicros), limit))) {
				days.add(row.getLocalDate(0));
			}
			if (days.isEmpty()) {
				return List.of();
			}
			List<Row> rows = new ArrayList<>(
					this.session.execute(this.selectDaysIn.bind(stream.toString(), days, fromMicros, toMicros, limit))
						.all());
			rows.sort(Comparator.comparingLong((Row row) -> row.getLong(0))
				.thenComparing((Row row) -> row.getUuid(1).toString())
				.reversed());
			return rows.stream().limit(limit).map((row) -> row.getUuid(1).toString()).toList();
		}

		/** One single-partition read: the owner's timeline partition of this month. */
		List<String> readTimelinePartition(CustomerId owner, Instant now, int limit) {
			List<String> ids = new ArrayList<>();
			for (Row row : this.session
				.execute(this.selectTimeline.bind(owner.value(), day(micros(now)).withDayOfMonth(1), limit))) {
				ids.add(row.getUuid(0).toString());
			}
			return ids;
		}

		private static long micros(Instant instant) {
			return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
		}

		private static LocalDate day(long micros) {
			return LocalDate.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
		}

	}

}
