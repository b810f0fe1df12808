package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.outbox.OutboxQueue.Claim;
import io.polyglot.domain.shared.CustomerId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox in PostgreSQL: events are inserted in the caller's transaction
 * with one delivery row per consumer; relays lease them with one short statement
 * ({@code FOR UPDATE SKIP LOCKED} inside it, so concurrent claims pass each other's rows
 * by) that records the claim id and the lease end, and mark them delivered with another,
 * only where the lease is still theirs. No row lock outlives either statement.
 */
final class PostgresOutbox implements Outbox, OutboxQueue {

	private static final String INSERT_EVENT = """
			INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
			VALUES (?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]))
			RETURNING position""";

	// the event and its delivery rows in one statement: one round trip per event instead
	// of two, on the transaction of every write the service makes
	private static final String INSERT_EVENT_AND_DELIVERIES = """
			WITH event AS (
			    INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
			    VALUES (?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]))
			    RETURNING position)
			INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
			SELECT event.position, consumer, ? FROM event, unnest(?::text[]) AS consumer""";

	// one statement, so one short transaction: pick the due rows (SKIP LOCKED: a row
	// another claim is leasing right now is passed over, not waited for), lease them to
	// this claim until next_attempt_at, and return their events; the payload comes back
	// as
	// two arrays in key order, which needs no JSON library
	private static final String CLAIM = """
			WITH due AS (
			    SELECT d.position FROM outbox_delivery d
			    WHERE d.consumer = ? AND d.delivered_at IS NULL AND d.next_attempt_at <= ?
			    ORDER BY d.position
			    LIMIT ?
			    FOR UPDATE OF d SKIP LOCKED),
			leased AS (
			    UPDATE outbox_delivery d SET lease = ?, next_attempt_at = ?
			    FROM due WHERE d.position = due.position AND d.consumer = ?
			    RETURNING d.position)
			SELECT o.event_id, o.stream, o.type, o.owner_id, o.occurred_at,
			       ARRAY(SELECT key FROM jsonb_each_text(o.payload) ORDER BY key) AS payload_keys,
			       ARRAY(SELECT value FROM jsonb_each_text(o.payload) ORDER BY key) AS payload_values
			FROM leased l JOIN outbox o ON o.position = l.position
			ORDER BY o.position""";

	// only rows still leased to this claim: one whose lease expired and that another
	// claim
	// took over is that claim's to record
	private static final String MARK_DELIVERED = """
			UPDATE outbox_delivery d SET delivered_at = ?, attempts = d.attempts + 1, last_error = NULL, lease = NULL
			FROM outbox o
			WHERE o.position = d.position AND d.consumer = ? AND d.lease = ? AND o.event_id = ANY(?::uuid[])""";

	private static final String MARK_FAILED = """
			UPDATE outbox_delivery d
			SET attempts = d.attempts + 1,
			    next_attempt_at = ?::timestamptz + LEAST(?::bigint, ?::bigint * power(2, LEAST(d.attempts, 30))::bigint)
			                      * interval '1 millisecond',
			    last_error = left(?, 500),
			    lease = NULL
			FROM outbox o
			WHERE o.position = d.position AND d.consumer = ? AND d.lease = ? AND o.event_id = ANY(?::uuid[])""";

	private static final String LAG = """
			SELECT d.consumer, count(*) AS undelivered, min(o.occurred_at) AS oldest
			FROM outbox_delivery d JOIN outbox o ON o.position = d.position
			WHERE d.delivered_at IS NULL
			GROUP BY d.consumer
			ORDER BY d.consumer""";

	// an event goes once every consumer has had it for the whole retention
	private static final String PRUNE = """
			DELETE FROM outbox WHERE position IN (
			    SELECT o.position FROM outbox o
			    WHERE o.occurred_at < ?
			      AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.position = o.position
			                      AND (d.delivered_at IS NULL OR d.delivered_at >= ?))
			    ORDER BY o.occurred_at
			    LIMIT ?)""";

	private final JdbcTemplate jdbc;

	private final Supplier<? extends Collection<String>> consumers;

	/**
	 * The consumer names, asked once: the set of consumers is fixed once the app runs.
	 */
	private volatile String @Nullable [] consumerNames;

	/**
	 * @param consumers the names of the relay's consumers, asked at the first insert (not
	 * at construction, when not every consumer bean may exist yet)
	 */
	PostgresOutbox(JdbcTemplate jdbc, Supplier<? extends Collection<String>> consumers) {
		this.jdbc = jdbc;
		this.consumers = consumers;
	}

	@Override
	public void add(DomainEvent event) {
		// outside a transaction the event would commit on its own, and the change it
		// describes might not: exactly what an outbox exists to prevent
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("Outbox.add must run inside the change's transaction");
		}
		PostgresCalls.call(() -> {
			List<String> keys = event.payload().keySet().stream().sorted().toList();
			String[] values = keys.stream().map(event.payload()::get).toArray(String[]::new);
			String[] consumerNames = consumerNames();
			UUID owner = (event.owner() != null) ? event.owner().value() : null;
			if (consumerNames.length == 0) {
				return this.jdbc.queryForObject(INSERT_EVENT, Long.class, event.id(), event.stream().toString(),
						event.type(), owner, Timestamp.from(event.occurredAt()), keys.toArray(String[]::new), values);
			}
			return this.jdbc.update(INSERT_EVENT_AND_DELIVERIES, event.id(), event.stream().toString(), event.type(),
					owner, Timestamp.from(event.occurredAt()), keys.toArray(String[]::new), values,
					Timestamp.from(event.occurredAt()), consumerNames);
		});
	}

	private String[] consumerNames() {
		String[] names = this.consumerNames;
		if (names == null) {
			names = this.consumers.get().toArray(String[]::new);
			this.consumerNames = names;
		}
		return names;
	}

	@Override
	public Claim claim(String consumer, int max, Instant now, Duration leaseFor) {
		UUID lease = UUID.randomUUID();
		Instant until = now.plus(leaseFor);
		List<DomainEvent> events = PostgresCalls.call(() -> this.jdbc.query(CLAIM, PostgresOutbox::event, consumer,
				Timestamp.from(now), max, lease, Timestamp.from(until), consumer));
		return events.isEmpty() ? Claim.none(consumer, now) : new Claim(consumer, lease, until, events);
	}

	@Override
	public int markDelivered(Claim claim, Instant now) {
		if (claim.isEmpty()) {
			return 0;
		}
		return PostgresCalls.call(() -> this.jdbc.update(MARK_DELIVERED, Timestamp.from(now), claim.consumer(),
				claim.lease(), claim.eventIds().toArray(UUID[]::new)));
	}

	@Override
	public int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error) {
		if (claim.isEmpty()) {
			return 0;
		}
		return PostgresCalls.call(
				() -> this.jdbc.update(MARK_FAILED, Timestamp.from(now), maxBackoff.toMillis(), firstBackoff.toMillis(),
						error, claim.consumer(), claim.lease(), claim.eventIds().toArray(UUID[]::new)));
	}

	@Override
	public List<OutboxLag> lag(Instant now) {
		return PostgresCalls.call(
				() -> this.jdbc.query(LAG,
						(row, n) -> new OutboxLag(row.getString("consumer"), row.getLong("undelivered"),
								Duration.between(row.getTimestamp("oldest").toInstant(), now).isNegative()
										? Duration.ZERO
										: Duration.between(row.getTimestamp("oldest").toInstant(), now))));
	}

	@Override
	public int prune(Instant deliveredBefore, int max) {
		Timestamp cutoff = Timestamp.from(deliveredBefore);
		return PostgresCalls.call(() -> this.jdbc.update(PRUNE, cutoff, cutoff, max));
	}

	private static DomainEvent event(ResultSet row, int rowNum) throws SQLException {
		String[] keys = (String[]) row.getArray("payload_keys").getArray();
		String[] values = (String[]) row.getArray("payload_values").getArray();
		Map<String, String> payload = new HashMap<>();
		for (int i = 0; i < keys.length; i++) {
			payload.put(keys[i], values[i]);
		}
		UUID owner = row.getObject("owner_id", UUID.class);
		return new DomainEvent(row.getObject("event_id", UUID.class), EventStream.parse(row.getString("stream")),
				row.getString("type"), row.getTimestamp("occurred_at").toInstant(),
				(owner != null) ? new CustomerId(owner) : null, payload);
	}

}
