package io.polyglot.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * What one measured phase produced: the latency histogram (nanoseconds; from intended
 * start times in an open loop), the successful and failed calls, and the wall time.
 */
public record Measurement(Histogram latencies, long ops, long errors, double seconds, String firstError) {

	public double throughput() {
		return (this.seconds > 0) ? this.ops / this.seconds : 0;
	}

	/** A percentile in milliseconds. */
	public double percentileMillis(double percentile) {
		return (this.latencies.getTotalCount() == 0) ? 0 : this.latencies.getValueAtPercentile(percentile) / 1e6;
	}

	public double maxMillis() {
		return (this.latencies.getTotalCount() == 0) ? 0 : this.latencies.getMaxValue() / 1e6;
	}

}
