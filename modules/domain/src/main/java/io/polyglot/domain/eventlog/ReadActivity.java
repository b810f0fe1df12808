package io.polyglot.domain.eventlog;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * The caller's own activity timeline for {@code GET /me/activity}: every event they own,
 * across their customer, account and order streams (registration, logins, deposits,
 * transfers in both directions, orders, friendships), newest first; empty rather than
 * "not found" while it has no events.
 */
public final class ReadActivity {

	private final EventLog eventLog;

	private final Clock clock;

	public ReadActivity(EventLog eventLog, Clock clock) {
		this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The customer's events of every stream they own in the range, newest first. */
	public Page<DomainEvent> read(CustomerId caller, @Nullable Instant from, @Nullable Instant to, PageRequest page) {
		TimeRange range = ReadWindow.of(from, to, this.clock);
		return this.eventLog.readTimeline(caller, range, page);
	}

}
