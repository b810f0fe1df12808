package io.polyglot.bench.baseline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;

/**
 * The event log on PostgreSQL, as Cassandra's baseline: an append-only table whose
 * primary key {@code (stream, occurred_at, event_id)} is the read path (a stream's events
 * newest first is a backward scan of one index range) and makes a redelivered event a
 * no-op ({@code ON CONFLICT DO NOTHING}), plus a BRIN index on time for scans across
 * streams (tiny, and right for rows appended in time order). Not partitioned by day: at
 * these sizes partitions would add planning cost without pruning anything the index does
 * not already skip.
 */
public final class PostgresEventLog {

	private final Sql sql;

	public PostgresEventLog(Sql sql) {
		this.sql = sql;
	}

	public PostgresEventLog createSchema() {
		this.sql.execute("""
				CREATE TABLE IF NOT EXISTS events (
				    stream text NOT NULL, occurred_at timestamptz NOT NULL, event_id uuid NOT NULL,
				    type text NOT NULL, owner uuid, payload jsonb NOT NULL,
				    PRIMARY KEY (stream, occurred_at, event_id))""",
				"CREATE INDEX IF NOT EXISTS events_time ON events USING brin (occurred_at)");
		return this;
	}

	/** Appends events in one statement (one round trip whatever the batch size). */
	public void append(List<DomainEvent> events) {
		this.sql.update("""
				INSERT INTO events
				SELECT u.stream, u.at, u.id::uuid, u.type, u.owner::uuid, u.payload::jsonb
				FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
				  AS u(stream, at, id, type, owner, payload)
				ON CONFLICT DO NOTHING""", events.stream().map((e) -> e.stream().toString()).toArray(String[]::new),
				events.stream().map((e) -> e.occurredAt().toString()).toArray(String[]::new),
				events.stream().map((e) -> e.id().toString()).toArray(String[]::new),
				events.stream().map(DomainEvent::type).toArray(String[]::new),
				events.stream().map((e) -> (e.owner() != null) ? e.owner().toString() : null).toArray(String[]::new),
				events.stream()
					.map((e) -> PostgresCatalog.json(new java.util.TreeMap<>(e.payload())))
					.toArray(String[]::new));
	}

	/** The ids of a stream's newest events in {@code [from, to)}, newest first. */
	public List<String> read(EventStream stream, Instant from, Instant to, int limit) {
		return this.sql.query(
				"SELECT event_id FROM events WHERE stream = ? AND occurred_at >= ? AND occurred_at < ?"
						+ " ORDER BY occurred_at DESC, event_id DESC LIMIT ?",
				(row) -> row.getString(1), stream.toString(), Timestamp.from(from), Timestamp.from(to), limit);
	}

	/** Rows in the table (to check both stores hold the same events). */
	public long count() {
		return this.sql.query("SELECT count(*) FROM events", (row) -> row.getLong(1)).get(0);
	}

	static UUID uuid(String text) {
		return UUID.fromString(text);
	}

}
