package io.polyglot.domain.demo;

import java.util.List;
import java.util.UUID;

/**
 * Port of demo 6's second half, the relational side: a transfer and its event written in
 * one transaction, and the relay's claim and mark of undelivered events.
 */
public interface DemoOutbox extends DemoData {

	/** Commits a transfer between two demo accounts and its outbox row together. */
	Played commitTransfer(UUID eventId);

	/** Up to {@code max} undelivered demo events, oldest first. */
	Claim claim(int max);

	/** Marks the events delivered. */
	Played markDelivered(List<UUID> eventIds);

	/** One event on its way from the outbox to the event log. */
	record RelayedEvent(UUID id, String stream, String type, String payload) {
	}

	/** The claim statement as played, and the events it returned. */
	record Claim(Played played, List<RelayedEvent> events) {

		public Claim {
			events = List.copyOf(events);
		}

	}

}
