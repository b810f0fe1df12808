package io.polyglot.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

import org.springframework.beans.factory.annotation.Autowired;

/** Reads what reached the Cassandra event log, and waits for the relay. */
abstract class EventLogTestSupport extends OrderTestSupport {

	@Autowired
	EventLog eventLog;

	/** Every event id of the stream in Cassandra, all pages, duplicates kept. */
	List<UUID> idsInEventLog(EventStream stream) {
		Instant now = Instant.now();
		TimeRange range = new TimeRange(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
		List<UUID> ids = new ArrayList<>();
		Cursor cursor = null;
		do {
			Page<DomainEvent> page = this.eventLog.read(stream, range, new PageRequest(100, cursor));
			page.items().forEach((event) -> ids.add(event.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return ids;
	}

	/**
	 * The ids of the stream's events in the outbox (PostgreSQL), the system of record.
	 */
	List<UUID> idsInOutbox(EventStream stream) {
		return this.jdbc.queryForList("SELECT event_id FROM outbox WHERE stream = ?", UUID.class, stream.toString());
	}

	/** Undelivered outbox rows of a consumer for these streams. */
	long undelivered(String consumer, List<EventStream> streams) {
		return this.jdbc.queryForObject("""
				SELECT count(*) FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = ? AND d.delivered_at IS NULL AND o.stream = ANY(?::text[])""", Long.class, consumer,
				streams.stream().map(EventStream::toString).toArray(String[]::new));
	}

	/**
	 * Waits until the condition holds: the relay is asynchronous, so tests wait for what
	 * it must eventually do, with a generous limit, and fail if it never happens.
	 */
	static void awaitTrue(String what, Duration limit, BooleanSupplier condition) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
	}

}
