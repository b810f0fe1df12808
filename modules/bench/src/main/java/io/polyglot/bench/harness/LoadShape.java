package io.polyglot.bench.harness;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a run offers load: {@code clients} threads in a closed loop (each calls again as
 * soon as its last call returned), or, when {@code rate} is set, an open loop that starts
 * calls at that many per second on a fixed schedule, served by {@code clients} threads,
 * with each latency measured from the call's intended start time.
 */
public record LoadShape(int clients, @Nullable Double rate, Duration warmUp, Duration measure, long maxOps) {

	public LoadShape {
		if (clients < 1) {
			throw new IllegalArgumentException("clients must be at least 1");
		}
		if (rate != null && !(rate > 0)) {
			throw new IllegalArgumentException("rate must be positive");
		}
		if (measure.isNegative() || measure.isZero()) {
			throw new IllegalArgumentException("the measured phase must last");
		}
		if (maxOps < 1) {
			throw new IllegalArgumentException("maxOps must be at least 1");
		}
	}

	/** A closed loop of this many clients, unbounded in calls. */
	public static LoadShape closed(int clients, Duration warmUp, Duration measure) {
		return new LoadShape(clients, null, warmUp, measure, Long.MAX_VALUE);
	}

	/** An open loop at this rate, served by this many threads. */
	public static LoadShape open(double rate, int clients, Duration warmUp, Duration measure) {
		return new LoadShape(clients, rate, warmUp, measure, Long.MAX_VALUE);
	}

	/** The same shape, stopping after this many measured calls at the latest. */
	public LoadShape limitedTo(long ops) {
		return new LoadShape(this.clients, this.rate, this.warmUp, this.measure, ops);
	}

	public boolean openLoop() {
		return this.rate != null;
	}

}
