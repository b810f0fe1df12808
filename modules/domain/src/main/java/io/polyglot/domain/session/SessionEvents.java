package io.polyglot.domain.session;

import java.util.Map;

import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.AfterWriteEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;

/**
 * Records session events. Sessions live in Redis, which cannot join a PostgreSQL
 * transaction, so each event is its own small outbox write right after the Redis change
 * ({@link AfterWriteEvents}).
 */
public final class SessionEvents {

	private final AfterWriteEvents events;

	public SessionEvents(Outbox outbox, Transactions transactions, Clock clock) {
		this.events = new AfterWriteEvents(outbox, transactions, clock);
	}

	void started(Session session) {
		record(session.customerId(), EventTypes.SESSION_STARTED, Map.of("sessionId", session.id()));
	}

	void ended(CustomerId customer, String sessionId) {
		record(customer, EventTypes.SESSION_ENDED, Map.of("sessionId", sessionId, "scope", "current"));
	}

	void allEnded(CustomerId customer, int count) {
		record(customer, EventTypes.SESSION_ENDED, Map.of("scope", "all", "count", Integer.toString(count)));
	}

	private void record(CustomerId customer, String type, Map<String, String> payload) {
		this.events.record(EventStream.customer(customer.value()), type, customer, payload);
	}

}
