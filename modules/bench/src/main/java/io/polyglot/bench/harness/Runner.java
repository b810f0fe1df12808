package io.polyglot.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs one operation under a {@link LoadShape}: a warm-up phase whose calls are not
 * recorded, then a measured phase.
 * <p>
 * Closed loop: each client times its own call (a stalled store slows the callers down,
 * which is what a closed loop measures). Open loop: call {@code i} is due at
 * {@code start + i / rate}; a free thread waits until it is due, and its latency is
 * counted from that intended start, not from when a thread got round to it. A stall
 * therefore shows as the queueing delay of every call due during it (coordinated omission
 * corrected), the way a user arriving on schedule would see it.
 */
public final class Runner {

	/** Latencies above an hour are recorded as an hour. */
	private static final long HIGHEST = TimeUnit.HOURS.toNanos(1);

	private final Progress progress;

	public Runner(Progress progress) {
		this.progress = progress;
	}

	public Measurement run(String label, LoadShape shape, Operation operation) {
		AtomicLong sequence = new AtomicLong();
		if (!shape.warmUp().isZero()) {
			phase(label, "warm-up", shape, shape.warmUp().toNanos(), Long.MAX_VALUE, operation, sequence, false);
		}
		return phase(label, "measure", shape, shape.measure().toNanos(), shape.maxOps(), operation, sequence, true);
	}

	private Measurement phase(String label, String phase, LoadShape shape, long durationNanos, long maxOps,
			Operation operation, AtomicLong sequence, boolean report) {
		Recorder recorder = new Recorder(HIGHEST, 3);
		AtomicLong ops = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong issued = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>("");
		long start = System.nanoTime();
		long deadline = start + durationNanos;
		double nanosPerCall = shape.openLoop() ? 1e9 / shape.rate() : 0;
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < shape.clients(); c++) {
			Thread thread = new Thread(() -> {
				boolean called = false;
				while (true) {
					long index = issued.getAndIncrement();
					if (index >= maxOps) {
						return;
					}
					long began;
					if (shape.openLoop()) {
						long due = start + (long) (index * nanosPerCall);
						if (due >= deadline) {
							return;
						}
						long wait;
						while ((wait = due - System.nanoTime()) > 0) {
							LockSupport.parkNanos(wait);
						}
						began = due;
					}
					else {
						began = System.nanoTime();
						// every client calls at least once: on a loaded machine a thread
						// may first run after a short phase has ended, which would leave
						// an empty row
						if (began >= deadline && called) {
							return;
						}
						called = true;
					}
					try {
						operation.run(sequence.getAndIncrement());
						recorder.recordValue(Math.min(HIGHEST, Math.max(0, System.nanoTime() - began)));
						ops.incrementAndGet();
					}
					catch (Exception | AssertionError ex) {
						errors.incrementAndGet();
						firstError.compareAndSet("", ex.getClass().getSimpleName() + ": " + ex.getMessage());
					}
				}
			}, "bench-client-" + c);
			thread.setDaemon(true);
			threads.add(thread);
		}
		Histogram total = new Histogram(HIGHEST, 3);
		Histogram interval = null;
		Progress.Line line = this.progress.start(label, phase);
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			while (thread.isAlive()) {
				try {
					thread.join(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
				interval = recorder.getIntervalHistogram(interval);
				total.add(interval);
				double elapsed = (System.nanoTime() - start) / 1e9;
				line.update(elapsed, ops.get() / Math.max(elapsed, 1e-9), total.getValueAtPercentile(99) / 1e6);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		interval = recorder.getIntervalHistogram(interval);
		total.add(interval);
		Measurement measurement = new Measurement(total, ops.get(), errors.get(), seconds, firstError.get());
		line.done(report ? measurement : null);
		return measurement;
	}

}
