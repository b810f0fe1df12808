package io.polyglot.adapter.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.polyglot.domain.demo.DemoEventLog;
import io.polyglot.domain.demo.DemoOutbox;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.Played;

/**
 * Demo 6's event log in Cassandra: the demo relay appends here (idempotently, the event
 * id is the key) and a reader looks the event up.
 */
final class CassandraDemoEventLog implements DemoEventLog {

	private static final String STORE = CassandraCalls.STORE;

	private final CassandraDemoKeyspace demo;

	CassandraDemoEventLog(CassandraDemoKeyspace demo) {
		this.demo = demo;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public Played append(List<DemoOutbox.RelayedEvent> events) {
		return CassandraCalls.call(() -> {
			CqlSession session = this.demo.ready();
			DemoSteps steps = new DemoSteps();
			String insert = "INSERT INTO " + this.demo.keyspace
					+ ".relayed_events (id, stream, type, payload, relayed_at) VALUES (?, ?, ?, ?, ?)";
			long start = System.nanoTime();
			for (DemoOutbox.RelayedEvent event : events) {
				session.execute(insert, event.id(), event.stream(), event.type(), event.payload(), Instant.now());
			}
			steps.add(STORE, insert, DemoSteps.params("events", events.size()),
					events.size() + " event(s) appended to the event log", DemoSteps.millisSince(start));
			return steps.played();
		});
	}

	@Override
	public Played find(UUID eventId) {
		return CassandraCalls.call(() -> {
			CqlSession session = this.demo.ready();
			DemoSteps steps = new DemoSteps();
			String select = "SELECT id, type, relayed_at FROM " + this.demo.keyspace + ".relayed_events WHERE id = ?";
			Row row = steps.run(STORE, select, DemoSteps.params("id", eventId.toString()),
					() -> session.execute(select, eventId).one(),
					(found) -> (found != null)
							? "1 row: " + found.getString("type") + " relayed at " + found.getInstant("relayed_at")
							: "0 rows: the event log does not show the transfer yet");
			return steps.finding("found", row != null).played();
		});
	}

	@Override
	public void reset() {
		this.demo.drop();
	}

}
