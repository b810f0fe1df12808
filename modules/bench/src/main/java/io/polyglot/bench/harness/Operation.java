package io.polyglot.bench.harness;

/**
 * One timed call of a workload. {@code n} is the call's sequence number within the run
 * (unique across clients), for picking keys; the call throws to count as an error.
 */
@FunctionalInterface
public interface Operation {

	void run(long n) throws Exception;

}
