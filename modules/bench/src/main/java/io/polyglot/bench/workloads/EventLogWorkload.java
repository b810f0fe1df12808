package io.polyglot.bench.workloads;

import java.util.Set;

import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.stores.Stores;

/** Placeholder until written. */
public final class EventLogWorkload implements Workload {

	@Override
	public String concern() {
		return "eventlog";
	}

	@Override
	public String store() {
		return "postgres";
	}

	@Override
	public Set<String> needs() {
		return Set.of("postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) {
		context.note("EventLog workload not written yet");
	}

}
