package io.polyglot.adapter.cassandra;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.PartitionPlayground;
import io.polyglot.domain.demo.Played;

/**
 * Demo 4 in Cassandra: the demo events twice, partitioned by (stream, day) like the event
 * log, and by stream alone; a time-range read asks one partition per day.
 */
final class CassandraPartitionPlayground implements PartitionPlayground {

	private static final String STORE = CassandraCalls.STORE;

	private final CassandraDemoKeyspace demo;

	CassandraPartitionPlayground(CassandraDemoKeyspace demo) {
		this.demo = demo;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public Played readDays(String stream, int days) {
		return CassandraCalls.call(() -> {
			CqlSession session = this.demo.ready();
			String ks = this.demo.keyspace;
			DemoSteps steps = new DemoSteps();
			String byDay = "SELECT occurred_at, id, type FROM " + ks
					+ ".events_by_stream_day WHERE stream = ? AND day = ?";
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			long rowsRead = 0;
			for (int back = days - 1; back >= 0; back--) {
				LocalDate day = today.minusDays(back);
				List<Row> rows = steps.run(STORE, byDay, DemoSteps.params("stream", stream, "day", day.toString()),
						() -> session.execute(byDay, stream, day).all(),
						(list) -> list.size() + " rows from partition (" + stream + ", " + day + ")");
				rowsRead += rows.size();
			}
			String distinct = "SELECT DISTINCT stream, day FROM " + ks + ".events_by_stream_day";
			List<Row> partitions = steps.run(STORE, distinct, DemoSteps.params(), () -> session.execute(distinct).all(),
					(list) -> list.size() + " partitions in the table (a scan of partition keys, for this demo only)");
			long ofStream = partitions.stream().filter((row) -> stream.equals(row.getString("stream"))).count();
			String count = "SELECT count(*) FROM " + ks + ".events_by_stream WHERE stream = ?";
			long unbounded = steps.run(STORE, count, DemoSteps.params("stream", stream),
					() -> session.execute(count, stream).one().getLong(0),
					(rows) -> rows + " rows in the single partition of " + stream + " when keyed by stream alone");
			Instant from = today.minusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
			String range = "SELECT occurred_at, id, type FROM " + ks
					+ ".events_by_stream WHERE stream = ? AND occurred_at >= ?";
			steps.run(STORE, range, DemoSteps.params("stream", stream, "occurred_at", from.toString()),
					() -> session.execute(range, stream, from).all().size(),
					(rows) -> rows + " rows: the same answer, read from one partition that holds the stream's "
							+ "whole history");
			long perDay = CassandraDemoKeyspace.EVENTS_PER_DAY;
			long bytesPerRow = 120;
			return steps.finding("daysRead", days)
				.finding("partitionsTouched", days)
				.finding("partitionsOfStream", ofStream)
				.finding("partitionsInTable", partitions.size())
				.finding("rowsRead", rowsRead)
				.finding("rowsPerDayPartition", perDay)
				.finding("unboundedPartitionRows", unbounded)
				.finding("unboundedRowsAfterOneYear", perDay * 365)
				.finding("unboundedRowsAfterOneYearAtOnePerSecond", 86_400L * 365)
				.finding("estimatedBytesPerRow", bytesPerRow)
				.finding("estimatedUnboundedMegabytesAfterOneYearAtOnePerSecond",
						Math.round(86_400.0 * 365 * bytesPerRow / 1_000_000))
				.played();
		});
	}

	@Override
	public void reset() {
		this.demo.drop();
	}

}
