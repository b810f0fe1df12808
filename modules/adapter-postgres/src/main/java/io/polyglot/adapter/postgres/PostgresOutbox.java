package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
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
	// this claim until next_attempt_at, and return their events. The payload comes back
	// as the jsonb's text, parsed here: about 40 % less PostgreSQL time per claim than
	// taking it apart into key and value arrays with jsonb_each_text (measured with
	// pgbench on 500-event claims)
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
			SELECT o.position, o.event_id, o.stream, o.type, o.owner_id, o.occurred_at, o.payload::text AS payload
			FROM leased l JOIN outbox o ON o.position = l.position
			ORDER BY o.position""";

	// only rows still leased to this claim: one whose lease expired and that another
	// claim took over is that claim's to record. By primary key (position, consumer):
	// the claim's positions are remembered by lease id (see claimedPositions)
	private static final String MARK_DELIVERED = """
			UPDATE outbox_delivery d SET delivered_at = ?, attempts = d.attempts + 1, last_error = NULL, lease = NULL
			WHERE d.consumer = ? AND d.lease = ? AND d.position = ANY(?::bigint[])""";

	// the same by event id, for a claim whose positions this instance does not remember
	private static final String MARK_DELIVERED_BY_EVENT = """
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
			WHERE d.consumer = ? AND d.lease = ? AND d.position = ANY(?::bigint[])""";

	private static final String MARK_FAILED_BY_EVENT = """
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

	/**
	 * How many claims' positions are remembered: far more than the relay loops of one
	 * instance have open at once (one claim each).
	 */
	private static final int REMEMBERED_CLAIMS = 256;

	private final JdbcTemplate jdbc;

	/**
	 * The positions of this instance's open claims, by lease id, so a mark finds its rows
	 * by primary key instead of through {@code outbox}'s event-id index: half the index
	 * probes per row. Only a shortcut: the lease id in the mark's WHERE is what makes it
	 * safe, and a claim this map has dropped (more than {@link #REMEMBERED_CLAIMS} open,
	 * or taken by another instance) is marked by event id instead.
	 */
	private final Map<UUID, Long[]> claimedPositions = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Long[]> eldest) {
				return size() > REMEMBERED_CLAIMS;
			}

		});

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
		List<Long> positions = new ArrayList<>();
		List<DomainEvent> events = PostgresCalls.call(() -> this.jdbc.query(CLAIM, (row, n) -> {
			positions.add(row.getLong("position"));
			return event(row);
		}, consumer, Timestamp.from(now), max, lease, Timestamp.from(until), consumer));
		if (events.isEmpty()) {
			return Claim.none(consumer, now);
		}
		this.claimedPositions.put(lease, positions.toArray(Long[]::new));
		return new Claim(consumer, lease, until, events);
	}

	@Override
	public int markDelivered(Claim claim, Instant now) {
		if (claim.isEmpty()) {
			return 0;
		}
		Long[] positions = this.claimedPositions.remove(claim.lease());
		if (positions == null) {
			return PostgresCalls.call(() -> this.jdbc.update(MARK_DELIVERED_BY_EVENT, Timestamp.from(now),
					claim.consumer(), claim.lease(), claim.eventIds().toArray(UUID[]::new)));
		}
		return PostgresCalls.call(() -> this.jdbc.update(MARK_DELIVERED, Timestamp.from(now), claim.consumer(),
				claim.lease(), positions));
	}

	@Override
	public int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error) {
		if (claim.isEmpty()) {
			return 0;
		}
		Long[] positions = this.claimedPositions.remove(claim.lease());
		if (positions == null) {
			return PostgresCalls.call(() -> this.jdbc.update(MARK_FAILED_BY_EVENT, Timestamp.from(now),
					maxBackoff.toMillis(), firstBackoff.toMillis(), error, claim.consumer(), claim.lease(),
					claim.eventIds().toArray(UUID[]::new)));
		}
		return PostgresCalls.call(() -> this.jdbc.update(MARK_FAILED, Timestamp.from(now), maxBackoff.toMillis(),
				firstBackoff.toMillis(), error, claim.consumer(), claim.lease(), positions));
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

	private static DomainEvent event(ResultSet row) throws SQLException {
		UUID owner = row.getObject("owner_id", UUID.class);
		return new DomainEvent(row.getObject("event_id", UUID.class), EventStream.parse(row.getString("stream")),
				row.getString("type"), row.getTimestamp("occurred_at").toInstant(),
				(owner != null) ? new CustomerId(owner) : null, PostgresJson.readTextMap(row.getString("payload")));
	}

}
