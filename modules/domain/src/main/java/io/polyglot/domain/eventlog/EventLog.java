package io.polyglot.domain.eventlog;

import java.util.List;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Port for the append-only event log: idempotent appends keyed by event id, and reads of
 * one stream, or of one owner's events across streams, within a time range, newest first.
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

	/**
	 * The owner's timeline: every event the customer owns, whatever its stream (their
	 * customer, account and order streams), with {@code range.from() <= occurredAt <
	 * range.to()}, newest first, one page at a time. A cursor of one owner's timeline is
	 * refused for another owner and for a stream.
	 */
	Page<DomainEvent> readTimeline(CustomerId owner, TimeRange range, PageRequest page);

}
