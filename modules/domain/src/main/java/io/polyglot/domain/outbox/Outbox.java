package io.polyglot.domain.outbox;

import java.time.Instant;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.Event;

/**
 * Port for the transactional outbox: events added here commit or roll back with the
 * change that caused them, and are relayed to the event log and projections afterwards.
 */
public interface Outbox {

	/**
	 * Adds the event in its stored form; must be called inside
	 * {@code Transactions.inTransaction}.
	 */
	void add(DomainEvent event);

	/**
	 * Adds a typed event under a fresh id, stored as {@link EventSerializer} writes it;
	 * must be called inside {@code Transactions.inTransaction}.
	 */
	default void add(Event event, Instant occurredAt) {
		add(EventSerializer.toStored(UUID.randomUUID(), occurredAt, event));
	}

}
