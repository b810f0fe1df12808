package io.polyglot.domain.eventlog;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * The caller's own activity timeline for {@code GET /me/activity}: their
 * {@code customer:<id>} stream, empty rather than "not found" while it has no events.
 */
public final class ReadActivity {

	private final EventLog eventLog;

	private final Clock clock;

	public ReadActivity(EventLog eventLog, Clock clock) {
		this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The customer's events in the range, newest first. */
	public Page<DomainEvent> read(CustomerId caller, @Nullable Instant from, @Nullable Instant to, PageRequest page) {
		TimeRange range = ReadWindow.of(from, to, this.clock);
		return this.eventLog.read(EventStream.customer(caller.value()), range, page);
	}

}
