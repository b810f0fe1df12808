package io.polyglot.domain.demo;

import java.util.List;
import java.util.UUID;

/**
 * Port of demo 6's second half, the event log side: the relay appends demo events, and a
 * reader looks one up by id (finding {@code found}).
 */
public interface DemoEventLog extends DemoData {

	Played append(List<DemoOutbox.RelayedEvent> events);

	Played find(UUID eventId);

}
