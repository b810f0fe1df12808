package io.polyglot.domain.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Source of the current time for the domain, so tests can move time instead of waiting.
 */
@FunctionalInterface
public interface Clock {

	/** The current instant. */
	Instant now();

	/** The system clock at microsecond precision, the precision PostgreSQL keeps. */
	static Clock system() {
		return () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/** A clock that always answers the given instant. */
	static Clock fixed(Instant instant) {
		return () -> instant;
	}

}
