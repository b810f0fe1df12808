package io.polyglot.adapter.cassandra;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration V2's data step: fills {@code stream_days} and {@code timeline_by_owner} from
 * the events written before they existed, with one paged scan of {@code events}. Every
 * write is an idempotent insert of what an append would have written, so a scan
 * interrupted and run again changes nothing twice.
 */
final class TimelineBackfill {

	private static final Logger log = LoggerFactory.getLogger(TimelineBackfill.class);

	// a full scan is far slower than a request: each page gets the DDL timeout
	private static final Duration PAGE_TIMEOUT = CassandraMigrations.DDL_TIMEOUT;

	private final CqlSession session;

	private final CassandraEventLogProperties properties;

	TimelineBackfill(CqlSession session, CassandraEventLogProperties properties) {
		this.session = session;
		this.properties = properties;
	}

	void run() {
		String keyspace = this.properties.keyspace();
		PreparedStatement day = this.session
			.prepare(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".stream_days (stream, day) VALUES (?, ?)")
				.setConsistencyLevel(this.properties.writes()));
		PreparedStatement timeline = this.session.prepare(SimpleStatement.newInstance("INSERT INTO " + keyspace
				+ ".timeline_by_owner"
				+ " (owner, month, occurred_at_micros, event_id, stream, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.setConsistencyLevel(this.properties.writes()));
		Semaphore inFlight = new Semaphore(this.properties.maxInFlight());
		List<CompletableFuture<?>> writes = new ArrayList<>();
		Set<String> days = new HashSet<>();
		long events = 0;
		for (Row row : this.session.execute(SimpleStatement
			.newInstance("SELECT stream, day, occurred_at_micros, event_id, type, owner, payload FROM " + keyspace
					+ ".events")
			.setConsistencyLevel(this.properties.reads())
			.setPageSize(1000)
			.setTimeout(PAGE_TIMEOUT))) {
			events++;
			String stream = Objects.requireNonNull(row.getString("stream"));
			LocalDate eventDay = Objects.requireNonNull(row.getLocalDate("day"));
			if (days.add(stream + "|" + eventDay)) {
				writes.add(write(inFlight, day.bind(stream, eventDay)));
			}
			UUID owner = row.getUuid("owner");
			if (owner != null) {
				writes.add(write(inFlight,
						timeline.bind(owner, EventTimes.monthOf(eventDay), row.getLong("occurred_at_micros"),
								row.getUuid("event_id"), stream, row.getString("type"),
								row.getMap("payload", String.class, String.class))));
			}
			if (writes.size() >= 10_000) {
				join(writes);
			}
		}
		join(writes);
		log.info("Backfilled stream_days and timeline_by_owner from {} events ({} stream days)", events, days.size());
	}

	private CompletableFuture<?> write(Semaphore inFlight, BoundStatement insert) {
		inFlight.acquireUninterruptibly();
		CompletableFuture<?> result = this.session.executeAsync(insert).toCompletableFuture();
		result.whenComplete((ok, failure) -> inFlight.release());
		return result;
	}

	private static void join(List<CompletableFuture<?>> writes) {
		CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
		writes.clear();
	}

}
