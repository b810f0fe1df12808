package io.polyglot.domain.eventlog;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.Clock;

/** Turns the optional {@code from}/{@code to} of a read into a time range. */
final class ReadWindow {

	/** How far back a read looks when the caller names no {@code from}. */
	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	private ReadWindow() {
	}

	/**
	 * {@code to} defaults to now, {@code from} to 30 days before {@code to}; the range
	 * itself refuses {@code from >= to} and spans longer than a year.
	 */
	static TimeRange of(@Nullable Instant from, @Nullable Instant to, Clock clock) {
		Instant end = (to != null) ? to : clock.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_LENGTH);
		return new TimeRange(start, end);
	}

}
