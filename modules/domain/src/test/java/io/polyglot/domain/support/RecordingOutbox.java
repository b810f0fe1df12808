package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.List;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.Outbox;

/** Keeps the events added, in order, for assertions. */
public final class RecordingOutbox implements Outbox {

	private final List<DomainEvent> events = new ArrayList<>();

	@Override
	public synchronized void add(DomainEvent event) {
		this.events.add(event);
	}

	public synchronized List<DomainEvent> events() {
		return List.copyOf(this.events);
	}

}
