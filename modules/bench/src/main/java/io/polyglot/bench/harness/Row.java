package io.polyglot.bench.harness;

import org.jspecify.annotations.Nullable;

/**
 * One line of results: a workload on one target (port, raw or baseline) of one store
 * implementation, at one data size, concurrency and (open loop) rate; latencies in ms.
 */
public record Row(String concern, String workload, String target, String store, long size, int clients,
		@Nullable Double rate, int repeat, long ops, long errors, double seconds, double throughput, double p50,
		double p90, double p99, double p999, double max, String firstError) {

	public static Row of(String concern, String workload, String target, String store, long size, LoadShape shape,
			int repeat, Measurement m) {
		return new Row(concern, workload, target, store, size, shape.clients(), shape.rate(), repeat, m.ops(),
				m.errors(), m.seconds(), m.throughput(), m.percentileMillis(50), m.percentileMillis(90),
				m.percentileMillis(99), m.percentileMillis(99.9), m.maxMillis(), m.firstError());
	}

}
