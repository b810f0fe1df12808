package io.polyglot.bench.harness;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself: what it records, not how fast anything is. The stall is a sleep the
 * test controls, so the bounds below follow from the schedule, not from the machine.
 */
class RunnerTest {

	private final Runner runner = new Runner(Progress.silent());

	@Test
	void anOpenLoopCountsAStallInTheLatencyOfEveryCallDueDuringIt() {
		// 1,000 calls/s for 2 s; call 500 stalls 500 ms: the ~500 calls due meanwhile
		// wait behind it, and each is measured from when it was due. Their waits spread
		// from ~500 ms down to ~0, so the bound counts the ~400 due in the first 400 ms
		// of the stall (each waited at least 100 ms); a slower machine only adds to them.
		// A percentile at the edge of the stalled quarter would be a coin toss.
		Measurement open = this.runner.run("stall", LoadShape.open(1000, 1, Duration.ZERO, Duration.ofSeconds(2)),
				stallOnce(500, 500));
		assertThat(open.percentileMillis(99)).isGreaterThanOrEqualTo(400);
		assertThat(open.latencies().getCountBetweenValues(100_000_000L, Long.MAX_VALUE / 2))
			.isGreaterThanOrEqualTo(350);
		assertThat(open.maxMillis()).isGreaterThanOrEqualTo(500);
	}

	@Test
	void aClosedLoopHidesTheSameStallBehindOneSlowCall() {
		// the contrast the open loop exists for: one client waiting on the stall simply
		// issues fewer calls, so only one sample is slow
		Measurement closed = this.runner.run("stall", LoadShape.closed(1, Duration.ZERO, Duration.ofSeconds(1)),
				stallOnce(500, 500));
		assertThat(closed.maxMillis()).isGreaterThanOrEqualTo(500);
		assertThat(closed.latencies().getCountBetweenValues(400_000_000L, Long.MAX_VALUE / 2)).isEqualTo(1);
	}

	@Test
	void warmUpCallsAreNotRecordedAndErrorsAreCountedApart() {
		Measurement measurement = this.runner.run("errors",
				LoadShape.closed(2, Duration.ofMillis(200), Duration.ofSeconds(1)).limitedTo(1000), (n) -> {
					if (n % 10 == 0) {
						throw new IllegalStateException("every tenth fails");
					}
				});
		assertThat(measurement.ops() + measurement.errors()).isEqualTo(1000);
		assertThat(measurement.errors()).isBetween(90L, 110L);
		assertThat(measurement.latencies().getTotalCount()).isEqualTo(measurement.ops());
		assertThat(measurement.firstError()).contains("every tenth fails");
	}

	private static Operation stallOnce(long at, long millis) {
		return (n) -> {
			if (n == at) {
				Thread.sleep(millis);
			}
		};
	}

}
