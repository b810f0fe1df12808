package io.polyglot.domain.outbox;

import io.polyglot.domain.eventlog.DomainEvent;

/**
 * Port for the transactional outbox: events added here commit or roll back with the
 * change that caused them, and are relayed to the event log and projections afterwards.
 */
public interface Outbox {

	/** Adds the event; must be called inside {@code Transactions.inTransaction}. */
	void add(DomainEvent event);

}
