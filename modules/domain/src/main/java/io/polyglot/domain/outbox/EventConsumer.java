package io.polyglot.domain.outbox;

import java.util.List;

import io.polyglot.domain.eventlog.DomainEvent;

/**
 * A destination the outbox relay delivers events to (the event log, a projection).
 * Delivery is at least once, so every consumer must be idempotent by event id; a consumer
 * whose store is down throws {@code StoreUnavailableException} and is retried later
 * without holding up the others.
 */
public interface EventConsumer {

	/** A stable name, used to track delivery per consumer (for example "eventlog"). */
	String name();

	/** Delivers a batch; events the consumer does not care about are skipped. */
	void deliver(List<DomainEvent> events);

}
