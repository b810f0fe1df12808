package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.PartitionPlayground;
import io.polyglot.domain.demo.Played;

/**
 * Demo 4's seeded streams as counts per (stream, day) partition: three demo account
 * streams, 30 days back from today, a fixed number of events a day.
 */
public final class InMemoryPartitions implements PartitionPlayground {

	private static final int DAYS = 30;

	private static final int EVENTS_PER_DAY = 50;

	private static final int STREAMS = 3;

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public Played readDays(String stream, int days) {
		List<DemoStep> steps = new ArrayList<>();
		long rowsRead = 0;
		for (int back = days - 1; back >= 0; back--) {
			long rows = (back < DAYS) ? EVENTS_PER_DAY : 0;
			rowsRead += rows;
			steps.add(new DemoStep(store(), "read (" + stream + ", today - " + back + ")", Map.of(),
					DemoStep.Outcome.OK, rows + " rows", 0));
		}
		return new Played(steps,
				Map.of("daysRead", days, "partitionsTouched", days, "partitionsOfStream", DAYS, "partitionsInTable",
						DAYS * STREAMS, "rowsRead", rowsRead, "rowsPerDayPartition", EVENTS_PER_DAY,
						"unboundedPartitionRows", (long) DAYS * EVENTS_PER_DAY));
	}

	@Override
	public void reset() {
		// the seeded counts are fixed
	}

}
