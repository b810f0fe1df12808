package io.polyglot.domain.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.polyglot.domain.demo.DemoEventLog;
import io.polyglot.domain.demo.DemoOutbox.RelayedEvent;
import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.Played;

/** The demo event log as a map by event id; appending an event again overwrites it. */
public final class InMemoryDemoEventLog implements DemoEventLog {

	private final Map<UUID, RelayedEvent> events = new ConcurrentHashMap<>();

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public Played append(List<RelayedEvent> appended) {
		appended.forEach((event) -> this.events.put(event.id(), event));
		return new Played(List.of(new DemoStep(store(), "append", Map.of("events", appended.size()),
				DemoStep.Outcome.OK, appended.size() + " appended", 0)), Map.of());
	}

	@Override
	public Played find(UUID eventId) {
		boolean found = this.events.containsKey(eventId);
		return new Played(List.of(new DemoStep(store(), "find", Map.of("id", eventId.toString()), DemoStep.Outcome.OK,
				found ? "1 row" : "0 rows", 0)), Map.of("found", found));
	}

	@Override
	public void reset() {
		this.events.clear();
	}

}
