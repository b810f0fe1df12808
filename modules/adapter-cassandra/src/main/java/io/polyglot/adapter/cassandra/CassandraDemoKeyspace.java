package io.polyglot.adapter.cassandra;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The keyspace of the demos ({@code <event log keyspace>_demo}), created with its tables
 * and seed events on first use and dropped on reset; the event log's own keyspace is
 * never touched.
 */
final class CassandraDemoKeyspace {

	/** Streams of the seeded demo events. */
	static final List<String> STREAMS = List.of("account:demo-1", "account:demo-2", "account:demo-3");

	static final int DAYS = 30;

	static final int EVENTS_PER_DAY = 50;

	private final ObjectProvider<CqlSession> sessions;

	private final CassandraEventLogProperties properties;

	final String keyspace;

	private volatile boolean ready;

	CassandraDemoKeyspace(ObjectProvider<CqlSession> sessions, CassandraEventLogProperties properties) {
		this.sessions = sessions;
		this.properties = properties;
		this.keyspace = properties.keyspace() + "_demo";
	}

	CqlSession session() {
		return this.sessions.getObject();
	}

	/** The session, after the keyspace, tables and seed events exist. */
	synchronized CqlSession ready() {
		CqlSession session = session();
		if (this.ready) {
			return session;
		}
		String ks = this.keyspace;
		CassandraMigrations.ddl(session,
				"CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + this.properties.replicationCql());
		CassandraMigrations.ddl(session, "CREATE TABLE IF NOT EXISTS " + ks
				+ ".events_by_stream_day (stream text, day date, "
				+ "occurred_at timestamp, id uuid, type text, payload text, "
				+ "PRIMARY KEY ((stream, day), occurred_at, id)) WITH CLUSTERING ORDER BY (occurred_at DESC, id ASC)");
		CassandraMigrations.ddl(session, "CREATE TABLE IF NOT EXISTS " + ks + ".events_by_stream (stream text, "
				+ "occurred_at timestamp, id uuid, type text, payload text, "
				+ "PRIMARY KEY ((stream), occurred_at, id)) WITH CLUSTERING ORDER BY (occurred_at DESC, id ASC)");
		CassandraMigrations.ddl(session,
				"CREATE TABLE IF NOT EXISTS " + ks + ".relayed_events (id uuid PRIMARY KEY, stream text, "
						+ "type text, payload text, relayed_at timestamp)");
		CassandraMigrations.ddl(session,
				"CREATE TABLE IF NOT EXISTS " + ks + ".seeded (name text PRIMARY KEY, at timestamp)");
		if (session.execute("SELECT name FROM " + ks + ".seeded WHERE name = 'events'").one() == null) {
			seed(session);
			session.execute("INSERT INTO " + ks + ".seeded (name, at) VALUES ('events', toTimestamp(now()))");
		}
		this.ready = true;
		return session;
	}

	private void seed(CqlSession session) {
		PreparedStatement byDay = session.prepare("INSERT INTO " + this.keyspace + ".events_by_stream_day "
				+ "(stream, day, occurred_at, id, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
		PreparedStatement byStream = session.prepare("INSERT INTO " + this.keyspace + ".events_by_stream "
				+ "(stream, occurred_at, id, type, payload) VALUES (?, ?, ?, ?, ?)");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<CompletionStage<?>> inFlight = new ArrayList<>();
		int n = 0;
		for (String stream : STREAMS) {
			for (int back = 0; back < DAYS; back++) {
				LocalDate day = today.minusDays(back);
				Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
				for (int i = 0; i < EVENTS_PER_DAY; i++) {
					Instant at = dayStart.plusSeconds(i * (86_400L / EVENTS_PER_DAY));
					UUID id = UUID.randomUUID();
					String type = (i % 3 == 0) ? "DepositMade" : "MoneyTransferred";
					String payload = "{\"amount\":\"" + (10 + (n++ % 90)) + ".00\",\"currency\":\"EUR\"}";
					inFlight.add(session.executeAsync(byDay.bind(stream, day, at, id, type, payload)));
					inFlight.add(session.executeAsync(byStream.bind(stream, at, id, type, payload)));
					if (inFlight.size() >= 128) {
						await(inFlight);
					}
				}
			}
		}
		await(inFlight);
	}

	private static void await(List<CompletionStage<?>> inFlight) {
		for (CompletionStage<?> stage : inFlight) {
			stage.toCompletableFuture().join();
		}
		inFlight.clear();
	}

	synchronized void drop() {
		CassandraCalls.call(() -> {
			this.ready = false;
			// a schema change waits for schema agreement: far over the request timeout
			CassandraMigrations.ddl(session(), "DROP KEYSPACE IF EXISTS " + this.keyspace);
			return null;
		});
	}

}
