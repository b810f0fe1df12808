package io.polyglot.domain.eventlog;

import java.util.List;

import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Port for the append-only event log: idempotent appends keyed by event id, and reads of
 * one stream within a time range, newest first.
 */
public interface EventLog {

	/**
	 * Appends the events; appending an event whose id is already in the log leaves the
	 * log as it is.
	 */
	void append(List<DomainEvent> events);

	/**
	 * The stream's events with {@code range.from() <= occurredAt < range.to()}, newest
	 * first, one page at a time.
	 */
	Page<DomainEvent> read(EventStream stream, TimeRange range, PageRequest page);

}
