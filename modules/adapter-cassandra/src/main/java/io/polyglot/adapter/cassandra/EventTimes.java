package io.polyglot.adapter.cassandra;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The log's time keys: microseconds since the epoch (what PostgreSQL keeps, so an event
 * reads back equal) and the UTC day that names its partition.
 */
final class EventTimes {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

	private EventTimes() {
	}

	/** Microseconds of the instant, rounded down. */
	static long floorMicros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
	}

	/** Microseconds of the instant, rounded up: the first stored time not before it. */
	static long ceilMicros(Instant instant) {
		return floorMicros(instant) + ((instant.getNano() % 1000 != 0) ? 1 : 0);
	}

	static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
				Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
	}

	static LocalDate dayOf(long micros) {
		return LocalDate.ofEpochDay(Math.floorDiv(micros, MICROS_PER_DAY));
	}

	static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The first day of the day's month: the bucket of a timeline partition. */
	static LocalDate monthOf(LocalDate day) {
		return day.withDayOfMonth(1);
	}

	/** The first microsecond of the day. */
	static long startOf(LocalDate day) {
		return day.toEpochDay() * MICROS_PER_DAY;
	}

}
