package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.demo.DemoOutbox;
import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.Played;

/** The demo outbox as an ordered map of events and a set of delivered ids. */
public final class InMemoryDemoOutbox implements DemoOutbox {

	private final Map<UUID, RelayedEvent> events = new LinkedHashMap<>();

	private final Set<UUID> delivered = new HashSet<>();

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public synchronized Played commitTransfer(UUID eventId) {
		this.events.put(eventId, new RelayedEvent(eventId, "account:demo-1", "MoneyTransferred",
				"{\"from\":1,\"to\":2,\"amount\":\"1.00\"}"));
		return played("commit transfer and event", "committed");
	}

	@Override
	public synchronized Claim claim(int max) {
		List<RelayedEvent> claimed = new ArrayList<>();
		for (RelayedEvent event : this.events.values()) {
			if (claimed.size() < max && !this.delivered.contains(event.id())) {
				claimed.add(event);
			}
		}
		return new Claim(played("claim", claimed.size() + " claimed"), claimed);
	}

	@Override
	public synchronized Played markDelivered(List<UUID> eventIds) {
		this.delivered.addAll(eventIds);
		return played("mark delivered", eventIds.size() + " marked");
	}

	@Override
	public synchronized void reset() {
		this.events.clear();
		this.delivered.clear();
	}

	private Played played(String statement, String result) {
		return new Played(List.of(new DemoStep(store(), statement, Map.of(), DemoStep.Outcome.OK, result, 0)),
				Map.of());
	}

}
