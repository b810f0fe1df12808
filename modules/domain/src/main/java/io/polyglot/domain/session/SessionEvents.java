package io.polyglot.domain.session;

import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.eventlog.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;

/**
 * Records session events. Sessions live in Redis, which cannot join a PostgreSQL
 * transaction, so each event is its own small outbox write right after the Redis change.
 */
public final class SessionEvents {

	private final Outbox outbox;

	private final Transactions transactions;

	private final Clock clock;

	public SessionEvents(Outbox outbox, Transactions transactions, Clock clock) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
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
		this.transactions.run(() -> this.outbox
			.add(DomainEvent.of(EventStream.customer(customer.value()), type, this.clock.now(), customer, payload)));
	}

}
