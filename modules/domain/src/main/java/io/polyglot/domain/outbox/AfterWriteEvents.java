package io.polyglot.domain.outbox;

import java.time.Instant;
import java.util.Objects;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

/**
 * Records the event of a change made in a store that cannot join a PostgreSQL transaction
 * (Redis, MongoDB, Neo4j): right after that change succeeded, as a small outbox
 * transaction of its own. Should PostgreSQL fail in between, the change stands without
 * its event; the caller sees the failure (503).
 */
public final class AfterWriteEvents {

	private final Outbox outbox;

	private final Transactions transactions;

	private final Clock clock;

	public AfterWriteEvents(Outbox outbox, Transactions transactions, Clock clock) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Adds the event, stamped now, in its own transaction. */
	public void record(Event event) {
		Instant now = this.clock.now();
		this.transactions.run(() -> this.outbox.add(event, now));
	}

}
