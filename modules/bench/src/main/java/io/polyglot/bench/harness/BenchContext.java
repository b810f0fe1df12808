package io.polyglot.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a workload runs inside: the settings, the runner, and the rows collected so far.
 * {@link #measure} expands one operation into the runs the settings ask for (each client
 * count closed-loop, each rate open-loop, each repeat).
 */
public final class BenchContext {

	private final Settings settings;

	private final Runner runner;

	private final Progress progress;

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/** Appended to every workload name measured from now on ("" for none). */
	private volatile String variant = "";

	public BenchContext(Settings settings, Progress progress) {
		this.settings = settings;
		this.progress = progress;
		this.runner = new Runner(progress);
	}

	/**
	 * Names the runs that follow, e.g. {@code durable}: their workloads become
	 * {@code <workload>/durable}, so verdicts compare targets within one variant only.
	 * Empty for none.
	 */
	public void variant(String name) {
		this.variant = name.isEmpty() ? "" : "/" + name;
	}

	public Settings settings() {
		return this.settings;
	}

	public Progress progress() {
		return this.progress;
	}

	/** Runs the operation at every client count and rate of the settings. */
	public void measure(String concern, String workload, String target, String store, long size, Operation op) {
		measure(concern, workload, target, store, size, this.settings.clients(), op);
	}

	/** Runs the operation at these client counts (and every rate of the settings). */
	public void measure(String concern, String workload, String target, String store, long size, List<Integer> clients,
			Operation op) {
		for (int repeat = 1; repeat <= this.settings.repeat(); repeat++) {
			for (int c : clients) {
				run(concern, workload, target, store, size,
						LoadShape.closed(c, this.settings.warmUp(), this.settings.measure()), repeat, op);
			}
			for (double rate : this.settings.rates()) {
				int threads = Math.max(8, this.settings.clients().stream().mapToInt(Integer::intValue).max().orElse(1));
				run(concern, workload, target, store, size,
						LoadShape.open(rate, threads, this.settings.warmUp(), this.settings.measure()), repeat, op);
			}
		}
	}

	/** One run of one shape (for workloads that bound their calls, such as a drain). */
	public Row run(String concern, String baseWorkload, String target, String store, long size, LoadShape shape,
			int repeat, Operation op) {
		String workload = baseWorkload + this.variant;
		String label = String.format(Locale.ROOT, "%s/%s %s %s n=%,d %s", concern, workload, target, store, size,
				shape.openLoop() ? String.format(Locale.ROOT, "rate=%.0f/s", shape.rate()) : "c=" + shape.clients());
		Measurement measurement = this.runner.run(label, shape, op);
		Row row = Row.of(concern, workload, target, store, size, shape, repeat, measurement);
		synchronized (this.rows) {
			this.rows.add(row);
		}
		return row;
	}

	/** Adds a row measured outside the runner (a one-off timed phase such as a load). */
	public void add(Row row) {
		synchronized (this.rows) {
			this.rows.add(this.variant.isEmpty() ? row
					: new Row(row.concern(), row.workload() + this.variant, row.target(), row.store(), row.size(),
							row.clients(), row.rate(), row.repeat(), row.ops(), row.errors(), row.seconds(),
							row.throughput(), row.p50(), row.p90(), row.p99(), row.p999(), row.max(),
							row.firstError()));
		}
	}

	/** Checks that every target gives the reference's answers; throws on a mismatch. */
	public void check(String workload, Map<String, Equivalence.Answer> targets) {
		Equivalence.check(workload, this.settings.samples(), targets);
		this.progress.message("  equivalence " + workload + ": " + String.join(" = ", targets.keySet()) + " on "
				+ this.settings.samples() + " samples");
	}

	/** A remark for the report (what served, what was skipped and why). */
	public void note(String text) {
		this.notes.add(text);
		this.progress.message("  note: " + text);
	}

	public List<Row> rows() {
		synchronized (this.rows) {
			return List.copyOf(this.rows);
		}
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

}
