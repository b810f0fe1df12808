package io.polyglot.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the user asked for: which stores, data sizes, client counts, open-loop rates,
 * repeats and phase lengths. {@code sizes} empty means each workload's own defaults for
 * the mode (quick or full).
 */
public record Settings(boolean quick, Set<String> stores, List<Long> sizes, List<Integer> clients, List<Double> rates,
		int repeat, Duration warmUp, Duration measure, int samples) {

	public Settings {
		sizes = List.copyOf(sizes);
		clients = List.copyOf(clients);
		rates = List.copyOf(rates);
		stores = Set.copyOf(stores);
		if (clients.isEmpty()) {
			throw new IllegalArgumentException("at least one client count");
		}
		if (repeat < 1) {
			throw new IllegalArgumentException("repeat must be at least 1");
		}
	}

	/** Whether the workloads of this store run. */
	public boolean runs(String store) {
		return this.stores.contains("all") || this.stores.contains(store);
	}

	/** The sizes given, or these defaults. */
	public List<Long> sizesOr(List<Long> quickDefault, List<Long> fullDefault) {
		if (!this.sizes.isEmpty()) {
			return this.sizes;
		}
		return this.quick ? quickDefault : fullDefault;
	}

}
