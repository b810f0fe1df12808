package io.polyglot.domain.eventlog;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Reads one stream of the event log for {@code GET /events}: administrators read any
 * stream the log holds, a customer only the streams they own. Every other case, a stream
 * that does not exist included, is "not found", so a caller never learns that someone
 * else's stream exists.
 */
public final class ReadEvents {

	private final EventLog eventLog;

	private final StreamOwners owners;

	private final Clock clock;

	public ReadEvents(EventLog eventLog, StreamOwners owners, Clock clock) {
		this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
		this.owners = Objects.requireNonNull(owners, "owners");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The stream's events in the range, newest first.
	 * @throws NotFoundException when the stream is unknown or not the reader's
	 */
	public Page<DomainEvent> read(EventReader reader, EventStream stream, @Nullable Instant from, @Nullable Instant to,
			PageRequest page) {
		Objects.requireNonNull(reader, "reader");
		Objects.requireNonNull(stream, "stream");
		// input is checked before ownership, so a 400 never depends on whose stream it is
		TimeRange range = ReadWindow.of(from, to, this.clock);
		StreamOwners.Owner owner = this.owners.ownerOf(stream).orElseThrow(() -> notFound(stream));
		if (!reader.admin() && !reader.customer().equals(owner.customer())) {
			throw notFound(stream);
		}
		return this.eventLog.read(stream, range, page);
	}

	private static NotFoundException notFound(EventStream stream) {
		return new NotFoundException("No event stream " + stream + ".");
	}

}
