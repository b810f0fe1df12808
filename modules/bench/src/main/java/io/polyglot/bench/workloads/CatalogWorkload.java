package io.polyglot.bench.workloads;

import java.util.Set;

import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.stores.Stores;

/** Placeholder until written. */
public final class CatalogWorkload implements Workload {

	@Override
	public String concern() {
		return "catalog";
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
		context.note("Catalog workload not written yet");
	}

}
