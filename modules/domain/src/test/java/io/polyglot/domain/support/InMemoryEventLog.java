package io.polyglot.domain.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * An event log in a map, for use-case tests; pages by keyset, newest first, with the
 * Cassandra adapter's cursor shape (a stream's, or {@code activity:<owner>} for a
 * timeline).
 */
public final class InMemoryEventLog implements EventLog, StreamOwners {

	// the log's clustering order: time, then id, newest first
	private static final Comparator<DomainEvent> NEWEST_FIRST = Comparator.comparing(DomainEvent::occurredAt)
		.thenComparing(DomainEvent::id, Comparator.comparing(UUID::toString))
		.reversed();

	private final Map<UUID, DomainEvent> events = new LinkedHashMap<>();

	private final Map<EventStream, Owner> owners = new LinkedHashMap<>();

	@Override
	public synchronized void append(List<DomainEvent> events) {
		for (DomainEvent event : events) {
			this.events.putIfAbsent(event.id(), event);
			this.owners.merge(event.stream(), new Owner(event.owner()),
					(old, now) -> (now.customer() != null) ? now : old);
		}
	}

	@Override
	public synchronized Page<DomainEvent> read(EventStream stream, TimeRange range, PageRequest page) {
		return page(stream.toString(), (event) -> event.stream().equals(stream), range, page);
	}

	@Override
	public synchronized Page<DomainEvent> readTimeline(CustomerId owner, TimeRange range, PageRequest page) {
		return page("activity:" + owner.value(), (event) -> owner.equals(event.owner()), range, page);
	}

	/** One page of the events the filter keeps; {@code scope} names the cursor's read. */
	private Page<DomainEvent> page(String scope, Predicate<DomainEvent> filter, TimeRange range, PageRequest page) {
		List<DomainEvent> matching = this.events.values()
			.stream()
			.filter(filter)
			.filter((event) -> !event.occurredAt().isBefore(range.from()) && event.occurredAt().isBefore(range.to()))
			.sorted(NEWEST_FIRST)
			.toList();
		if (page.cursor() != null) {
			Position after = Position.of(page.cursor(), scope, range);
			matching = matching.stream().filter((event) -> after.isBefore(event)).toList();
		}
		List<DomainEvent> items = matching.subList(0, Math.min(page.limit(), matching.size()));
		Cursor next = (matching.size() > items.size()) ? Position.after(items.get(items.size() - 1)).toCursor(scope)
				: null;
		return new Page<>(List.copyOf(items), next);
	}

	@Override
	public synchronized Optional<Owner> ownerOf(EventStream stream) {
		return Optional.ofNullable(this.owners.get(stream));
	}

	/**
	 * Where a page ended, in the cursor shape the Cassandra adapter issues (version,
	 * stream, day, time in microseconds, event id), so the fake refuses the same tampered
	 * cursors as they do.
	 */
	private record Position(LocalDate day, long micros, UUID eventId) {

		static Position after(DomainEvent event) {
			long micros = micros(event.occurredAt());
			return new Position(LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC), micros, event.id());
		}

		static Position of(Cursor cursor, String scope, TimeRange range) {
			String[] parts = cursor.decode().split("\\|", -1);
			if (parts.length != 5 || !"e1".equals(parts[0]) || !scope.equals(parts[1])) {
				throw Cursor.invalid();
			}
			try {
				Position position = new Position(LocalDate.parse(parts[2]), Long.parseLong(parts[3]),
						UUID.fromString(parts[4]));
				Instant at = Instant.EPOCH.plus(position.micros(), ChronoUnit.MICROS);
				if (position.micros() < micros(range.from()) || position.micros() >= micros(range.to())
						|| !position.day().equals(LocalDate.ofInstant(at, ZoneOffset.UTC))
						|| !position.eventId().toString().equals(parts[4])) {
					throw Cursor.invalid();
				}
				return position;
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				throw Cursor.invalid();
			}
		}

		Cursor toCursor(String scope) {
			return Cursor.encode(String.join("|", "e1", scope, this.day.toString(), Long.toString(this.micros),
					this.eventId.toString()));
		}

		/** Whether the event comes after this position, newest first. */
		boolean isBefore(DomainEvent event) {
			long at = micros(event.occurredAt());
			return at < this.micros
					|| (at == this.micros && event.id().toString().compareTo(this.eventId.toString()) < 0);
		}

		private static long micros(Instant instant) {
			return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
		}

	}

}
