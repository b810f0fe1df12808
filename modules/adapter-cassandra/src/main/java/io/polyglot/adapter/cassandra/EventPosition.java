package io.polyglot.adapter.cassandra;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.polyglot.domain.shared.Cursor;

/**
 * Where a page of a stream ended: the day partition, and the clustering key (time in
 * microseconds, event id) of its last event. Carried in the opaque cursor together with
 * the stream, so a cursor of one stream cannot be replayed against another.
 */
record EventPosition(LocalDate day, long occurredAtMicros, UUID eventId) {

	private static final String VERSION = "e1";

	/**
	 * The cursor of a read named {@code scope}: a stream, or {@code activity:<owner>}.
	 */
	Cursor toCursor(String scope) {
		return Cursor.encode(String.join("|", VERSION, scope, this.day.toString(), Long.toString(this.occurredAtMicros),
				this.eventId.toString()));
	}

	/**
	 * The position in a cursor this adapter issued for this read (stream or timeline),
	 * inside {@code [fromMicros, toMicros)}; anything else is the validation error of a
	 * tampered cursor (a 400).
	 */
	static EventPosition of(Cursor cursor, String scope, long fromMicros, long toMicros) {
		String[] parts = cursor.decode().split("\\|", -1);
		if (parts.length != 5 || !VERSION.equals(parts[0]) || !scope.equals(parts[1])) {
			throw Cursor.invalid();
		}
		try {
			EventPosition position = new EventPosition(LocalDate.parse(parts[2]), Long.parseLong(parts[3]),
					UUID.fromString(parts[4]));
			if (position.occurredAtMicros < fromMicros || position.occurredAtMicros >= toMicros
					|| !position.day.equals(EventTimes.dayOf(position.occurredAtMicros))
					|| !position.eventId.toString().equals(parts[4])) {
				throw Cursor.invalid();
			}
			return position;
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			throw Cursor.invalid();
		}
	}

}
