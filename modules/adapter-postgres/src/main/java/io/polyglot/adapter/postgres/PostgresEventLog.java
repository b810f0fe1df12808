package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event log in PostgreSQL (table {@code event_log}, append-only, keyed by stream and
 * time), the relay's {@code "eventlog"} consumer and the stream owner lookup (table
 * {@code event_streams}). A page is one backward range scan of the primary key
 * {@code (stream, occurred_at, event_id)}. Appends are idempotent by event id
 * ({@code ON CONFLICT DO NOTHING}).
 * <p>
 * Times are kept to the microsecond, rounded down, like the Cassandra adapter; the cursor
 * has the same shape as Cassandra's, so a client cannot tell the two apart.
 */
final class PostgresEventLog implements EventLog, EventConsumer, StreamOwners {

	/**
	 * The consumer name the relay tracks delivery under, whichever store holds the log.
	 */
	static final String CONSUMER_NAME = "eventlog";

	private static final String INSERT_EVENT = """
			INSERT INTO event_log (stream, occurred_at, event_id, type, owner_id, payload)
			VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""";

	// an owner once known is never overwritten by an event that names none
	private static final String UPSERT_STREAM = """
			INSERT INTO event_streams (stream, owner_id) VALUES (?, ?)
			ON CONFLICT (stream) DO UPDATE SET owner_id = coalesce(EXCLUDED.owner_id, event_streams.owner_id)
			WHERE EXCLUDED.owner_id IS NOT NULL AND EXCLUDED.owner_id IS DISTINCT FROM event_streams.owner_id""";

	private static final String SELECT_OWNER = "SELECT owner_id FROM event_streams WHERE stream = ?";

	private static final String PAGE = """
			SELECT event_id, type, occurred_at, owner_id, payload FROM event_log
			WHERE stream = ? AND occurred_at >= ? AND occurred_at < ?
			ORDER BY occurred_at DESC, event_id DESC LIMIT ?""";

	private static final String PAGE_AFTER = """
			SELECT event_id, type, occurred_at, owner_id, payload FROM event_log
			WHERE stream = ? AND occurred_at >= ? AND occurred_at < ? AND (occurred_at, event_id) < (?, ?)
			ORDER BY occurred_at DESC, event_id DESC LIMIT ?""";

	private static final String TIMELINE = """
			SELECT stream, event_id, type, occurred_at, owner_id, payload FROM event_log
			WHERE owner_id = ? AND occurred_at >= ? AND occurred_at < ?
			ORDER BY occurred_at DESC, event_id DESC LIMIT ?""";

	private static final String TIMELINE_AFTER = """
			SELECT stream, event_id, type, occurred_at, owner_id, payload FROM event_log
			WHERE owner_id = ? AND occurred_at >= ? AND occurred_at < ? AND (occurred_at, event_id) < (?, ?)
			ORDER BY occurred_at DESC, event_id DESC LIMIT ?""";

	private static final String CURSOR_VERSION = "e1";

	private final JdbcTemplate jdbc;

	PostgresEventLog(JdbcTemplate jdbc) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
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
		// one row per stream, in a fixed order so concurrent deliveries never deadlock
		Map<String, @Nullable UUID> owners = new TreeMap<>();
		for (DomainEvent event : events) {
			String stream = event.stream().toString();
			if (event.owner() != null || !owners.containsKey(stream)) {
				owners.put(stream, (event.owner() != null) ? event.owner().value() : null);
			}
		}
		List<Object[]> streamRows = new ArrayList<>();
		owners.forEach((stream, owner) -> streamRows.add(new Object[] { stream, owner }));
		List<Object[]> eventRows = new ArrayList<>();
		for (DomainEvent event : events) {
			eventRows.add(new Object[] { event.stream().toString(), time(floorMicros(event.occurredAt())), event.id(),
					event.type(), (event.owner() != null) ? event.owner().value() : null,
					PostgresJson.write(new TreeMap<>(event.payload())) });
		}
		PostgresCalls.call(() -> {
			this.jdbc.batchUpdate(UPSERT_STREAM, streamRows);
			return this.jdbc.batchUpdate(INSERT_EVENT, eventRows);
		});
	}

	@Override
	public Optional<Owner> ownerOf(EventStream stream) {
		return PostgresCalls.call(
				() -> this.jdbc
					.query(SELECT_OWNER, (row, n) -> new Owner(customer(row.getObject("owner_id", UUID.class))),
							stream.toString())
					.stream()
					.findFirst());
	}

	@Override
	public Page<DomainEvent> read(EventStream stream, TimeRange range, PageRequest page) {
		return page(stream.toString(), range, page,
				(from, to, after) -> (after == null)
						? this.jdbc.query(PAGE, (row, n) -> event(row, stream), stream.toString(), time(from), time(to),
								page.limit() + 1)
						: this.jdbc.query(PAGE_AFTER, (row, n) -> event(row, stream), stream.toString(), time(from),
								time(to), time(after.occurredAt()), after.eventId(), page.limit() + 1));
	}

	@Override
	public Page<DomainEvent> readTimeline(CustomerId owner, TimeRange range, PageRequest page) {
		// served by the partial index on (owner_id, occurred_at, event_id), V11
		return page("activity:" + owner.value(), range, page,
				(from, to, after) -> (after == null)
						? this.jdbc.query(TIMELINE, (row, n) -> event(row, EventStream.parse(row.getString("stream"))),
								owner.value(), time(from), time(to), page.limit() + 1)
						: this.jdbc.query(TIMELINE_AFTER,
								(row, n) -> event(row, EventStream.parse(row.getString("stream"))), owner.value(),
								time(from), time(to), time(after.occurredAt()), after.eventId(), page.limit() + 1));
	}

	/**
	 * One page of a keyset read named {@code scope} (a stream, or an owner's timeline):
	 * the query fetches one row more than the page holds, which tells whether there is a
	 * next page.
	 */
	private Page<DomainEvent> page(String scope, TimeRange range, PageRequest page, KeysetQuery query) {
		Instant from = ceilMicros(range.from());
		Instant to = ceilMicros(range.to());
		// checked before PostgreSQL is asked, so a tampered cursor is a 400 even while
		// PostgreSQL is down
		Position after = (page.cursor() != null) ? Position.of(page.cursor(), scope, from, to) : null;
		if (!from.isBefore(to)) {
			return new Page<>(List.of(), null);
		}
		List<DomainEvent> found = PostgresCalls.call(() -> query.rows(from, to, after));
		if (found.size() <= page.limit()) {
			return new Page<>(found, null);
		}
		List<DomainEvent> items = found.subList(0, page.limit());
		DomainEvent last = items.get(items.size() - 1);
		return new Page<>(List.copyOf(items), new Position(last.occurredAt(), last.id()).toCursor(scope));
	}

	/** The rows of one page, newest first, strictly after {@code after} when given. */
	@FunctionalInterface
	private interface KeysetQuery {

		List<DomainEvent> rows(Instant from, Instant to, @Nullable Position after);

	}

	private static DomainEvent event(ResultSet row, EventStream stream) throws SQLException {
		Map<String, Object> stored = PostgresJson.readMap(row.getString("payload"));
		Map<String, String> payload = new LinkedHashMap<>();
		stored.forEach((key, value) -> payload.put(key, String.valueOf(value)));
		return new DomainEvent(row.getObject("event_id", UUID.class), stream, row.getString("type"),
				row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				customer(row.getObject("owner_id", UUID.class)), payload);
	}

	private static @Nullable CustomerId customer(@Nullable UUID id) {
		return (id != null) ? new CustomerId(id) : null;
	}

	static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant floorMicros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** The first time a microsecond column can hold that is not before the instant. */
	static Instant ceilMicros(Instant instant) {
		Instant floor = floorMicros(instant);
		return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.MICROS);
	}

	/**
	 * Where a page ended: the time and id of its last event. Written
	 * {@code e1|stream|day|micros|id}, the shape the Cassandra adapter's cursors have.
	 */
	record Position(Instant occurredAt, UUID eventId) {

		Cursor toCursor(String scope) {
			return Cursor.encode(String.join("|", CURSOR_VERSION, scope,
					LocalDate.ofInstant(this.occurredAt, ZoneOffset.UTC).toString(),
					Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, this.occurredAt)), this.eventId.toString()));
		}

		/**
		 * The position in a cursor issued for this read (a stream, or
		 * {@code activity:<owner>}), inside {@code [from, to)}; anything else is the
		 * validation error of a tampered cursor.
		 */
		static Position of(Cursor cursor, String scope, Instant from, Instant to) {
			String[] parts = cursor.decode().split("\\|", -1);
			if (parts.length != 5 || !CURSOR_VERSION.equals(parts[0]) || !scope.equals(parts[1])) {
				throw Cursor.invalid();
			}
			try {
				Instant at = Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS);
				UUID id = UUID.fromString(parts[4]);
				if (at.isBefore(from) || !at.isBefore(to)
						|| !LocalDate.parse(parts[2]).equals(LocalDate.ofInstant(at, ZoneOffset.UTC))
						|| !id.toString().equals(parts[4])) {
					throw Cursor.invalid();
				}
				return new Position(at, id);
			}
			catch (DateTimeParseException | IllegalArgumentException | ArithmeticException ex) {
				throw Cursor.invalid();
			}
		}

	}

}
