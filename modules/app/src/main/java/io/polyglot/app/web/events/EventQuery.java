package io.polyglot.app.web.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Parses the query parameters of the event endpoints, naming the parameter in every error
 * and never echoing the input back.
 */
final class EventQuery {

	// the longest ISO-8601 date-time with an offset and nanoseconds is 35 characters
	private static final int MAX_DATE_LENGTH = 40;

	private EventQuery() {
	}

	/**
	 * An ISO-8601 date-time with offset ({@code 2026-03-01T10:00:00Z}), or null when the
	 * parameter is absent.
	 */
	static @Nullable Instant instant(String field, @Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			if (text.length() <= MAX_DATE_LENGTH) {
				return OffsetDateTime.parse(text).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new ValidationException(field,
				"must be an ISO-8601 date-time with offset, such as 2026-03-01T10:00:00Z (encode + as %2B)");
	}

}
