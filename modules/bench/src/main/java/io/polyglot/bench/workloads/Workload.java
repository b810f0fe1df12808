package io.polyglot.bench.workloads;

import java.util.Set;

import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.stores.Stores;

/**
 * The benchmark of one persistence concern: loads its data, checks that its targets
 * answer alike, then measures each target.
 */
public interface Workload {

	/** The concern, e.g. "sessions"; also the section of the report. */
	String concern();

	/** The store the service routes this concern to ({@code --store} selects by it). */
	String store();

	/**
	 * Every store the workload talks to (the chosen one and PostgreSQL for baselines).
	 */
	Set<String> needs();

	void run(BenchContext context, Stores stores) throws Exception;

}
