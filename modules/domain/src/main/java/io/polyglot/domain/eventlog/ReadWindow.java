package io.polyglot.domain.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.ValidationException;

/** Turns the optional {@code from}/{@code to} of a read into a time range. */
final class ReadWindow {

	/** How far back a read looks when the caller names no {@code from}. */
	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	private static final Instant EARLIEST = Instant.EPOCH;

	private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private ReadWindow() {
	}

	/**
	 * {@code to} defaults to now, {@code from} to 30 days before {@code to}; the range
	 * itself refuses {@code from >= to} and spans longer than a year.
	 */
	static TimeRange of(@Nullable Instant from, @Nullable Instant to, Clock clock) {
		checkBounds("from", from);
		checkBounds("to", to);
		Instant end = (to != null) ? to : clock.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_LENGTH);
		return new TimeRange(start, end);
	}

	// events are stamped by this service, so nothing lies outside these years; the bound
	// keeps time arithmetic in the stores far from overflow
	private static void checkBounds(String field, @Nullable Instant instant) {
		if (instant != null && (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST))) {
			throw new ValidationException(field, "must be between the years 1970 and 9999");
		}
	}

}
