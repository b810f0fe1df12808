package io.polyglot.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a data set through calls of one item each on a few threads: setup, not measured.
 * A store's single-item write path (the port's, as the service uses it) is then the only
 * way in, and the load still takes seconds rather than a minute of round trips.
 */
public final class Load {

	private static final int THREADS = 8;

	private Load() {
	}

	/** Calls {@code item} for 0 to {@code count - 1}, in no particular order. */
	public static void parallel(long count, Operation item) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			AtomicLong next = new AtomicLong();
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(pool.submit(() -> {
					for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						item.run(i);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
