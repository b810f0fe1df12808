package io.polyglot.domain.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Records the statements of a demo as they are sent, timing each call; adapters use it so
 * the times shown are the times measured around the store call, nothing else.
 */
public final class DemoSteps {

	private final List<DemoStep> steps = new ArrayList<>();

	private final Map<String, Object> findings = new LinkedHashMap<>();

	/** Runs one statement, records it with its answer and returns the answer. */
	public <T> T run(String store, String statement, Map<String, Object> parameters, Supplier<T> call,
			Function<? super T, String> describe) {
		long start = System.nanoTime();
		T answer = call.get();
		double millis = millisSince(start);
		this.steps.add(new DemoStep(store, statement, parameters, DemoStep.Outcome.OK, describe.apply(answer), millis));
		return answer;
	}

	/**
	 * Runs a statement the store may refuse: a failure that {@code refusal} recognises
	 * (it returns the store's message) is recorded as refused and answers {@code false};
	 * any other failure propagates (an outage, a bug).
	 */
	public boolean attempt(String store, String statement, Map<String, Object> parameters, Supplier<String> call,
			Function<RuntimeException, @Nullable String> refusal) {
		long start = System.nanoTime();
		try {
			String answer = call.get();
			this.steps.add(new DemoStep(store, statement, parameters, DemoStep.Outcome.OK, answer, millisSince(start)));
			return true;
		}
		catch (RuntimeException ex) {
			double millis = millisSince(start);
			String message = refusal.apply(ex);
			if (message == null) {
				throw ex;
			}
			this.steps.add(new DemoStep(store, statement, parameters, DemoStep.Outcome.REFUSED, message, millis));
			return false;
		}
	}

	/** Records a step measured by the caller (a loop of calls shown as one statement). */
	public void add(String store, String statement, Map<String, Object> parameters, String result, double millis) {
		this.steps.add(new DemoStep(store, statement, parameters, DemoStep.Outcome.OK, result, millis));
	}

	/** Adds a figure to the findings. */
	public DemoSteps finding(String name, Object value) {
		this.findings.put(name, value);
		return this;
	}

	public Played played() {
		return new Played(this.steps, this.findings);
	}

	/** Milliseconds since a {@link System#nanoTime()} reading, to the microsecond. */
	public static double millisSince(long startNanos) {
		return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
	}

	/** Ordered parameters: name, value, name, value, ... */
	public static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return map;
	}

}
