package io.polyglot.domain.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.polyglot.domain.shared.ValidationException;

/**
 * A half-open time range {@code [from, to)} for reading a stream, at most a year long.
 */
public record TimeRange(Instant from, Instant to) {

	/**
	 * The longest range one read may walk, since every day in it is a partition to visit.
	 */
	public static final Duration MAX_LENGTH = Duration.ofDays(366);

	public TimeRange {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!from.isBefore(to)) {
			throw new ValidationException("from", "must be before to");
		}
		if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
			throw new ValidationException("from", "the range may span at most " + MAX_LENGTH.toDays() + " days");
		}
	}

}
