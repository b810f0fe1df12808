package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** An event log in a map, for use-case tests; pages by offset. */
public final class InMemoryEventLog implements EventLog, StreamOwners {

	private final Map<UUID, DomainEvent> events = new LinkedHashMap<>();

	private final Map<EventStream, Owner> owners = new LinkedHashMap<>();

	@Override
	public void append(List<DomainEvent> events) {
		for (DomainEvent event : events) {
			this.events.putIfAbsent(event.id(), event);
			this.owners.merge(event.stream(), new Owner(event.owner()),
					(old, now) -> (now.customer() != null) ? now : old);
		}
	}

	@Override
	public Page<DomainEvent> read(EventStream stream, TimeRange range, PageRequest page) {
		List<DomainEvent> matching = new ArrayList<>(this.events.values()
			.stream()
			.filter((event) -> event.stream().equals(stream))
			.filter((event) -> !event.occurredAt().isBefore(range.from()) && event.occurredAt().isBefore(range.to()))
			.sorted(Comparator.comparing(DomainEvent::occurredAt).reversed())
			.toList());
		int offset = (page.cursor() != null) ? Integer.parseInt(page.cursor().decode()) : 0;
		int end = Math.min(matching.size(), offset + page.limit());
		return new Page<>(matching.subList(offset, end),
				(end < matching.size()) ? Cursor.encode(Integer.toString(end)) : null);
	}

	@Override
	public Optional<Owner> ownerOf(EventStream stream) {
		return Optional.ofNullable(this.owners.get(stream));
	}

}
