package io.polyglot.domain.session;

import io.polyglot.domain.outbox.AfterWriteEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.session.SessionEvent.AllSessionsEnded;
import io.polyglot.domain.session.SessionEvent.SessionEnded;
import io.polyglot.domain.session.SessionEvent.SessionStarted;
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
		this.events.record(new SessionStarted(session.customerId(), session.id()));
	}

	void ended(CustomerId customer, String sessionId) {
		this.events.record(new SessionEnded(customer, sessionId));
	}

	void allEnded(CustomerId customer, int count) {
		this.events.record(new AllSessionsEnded(customer, count));
	}

}
