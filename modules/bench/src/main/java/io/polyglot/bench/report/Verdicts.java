package io.polyglot.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.polyglot.bench.harness.Row;

/**
 * Turns the rows into ratios and one verdict line per concern, from the numbers alone:
 * single-client closed-loop p50 (the latency one request pays), with repeats averaged.
 * Port/raw is the adapter's overhead; baseline/store above 1 means the chosen store is
 * faster than the PostgreSQL baseline.
 */
public final class Verdicts {

	/** The store each concern is routed to, as the report names it. */
	static final Map<String, String> STORE_NAMES = Map.of("sessions", "Redis", "catalog", "MongoDB", "eventlog",
			"Cassandra", "graph", "Neo4j", "transfers", "PostgreSQL", "outbox", "PostgreSQL → Cassandra", "orders",
			"PostgreSQL + MongoDB", "documents", "MongoDB");

	private Verdicts() {
	}

	/**
	 * One comparison: a workload at one size, the chosen store's p50 against another's.
	 */
	public record Ratio(String workload, long size, double storeP50, double otherP50, String other) {

		/** Above 1: the chosen store is faster. */
		public double factor() {
			return (this.storeP50 > 0) ? this.otherP50 / this.storeP50 : Double.NaN;
		}

	}

	/** What the numbers say about one concern. */
	public record Verdict(String concern, String store, List<Ratio> overhead, List<Ratio> baseline, String line) {

		/** Median port/raw latency ratio (1.0 = no overhead), or NaN. */
		public double medianOverhead() {
			return median(this.overhead.stream().map((r) -> r.storeP50() / r.otherP50()).toList());
		}

		/** Median baseline/store ratio (above 1: the chosen store is faster), or NaN. */
		public double medianBaseline() {
			return median(this.baseline.stream().map(Ratio::factor).toList());
		}

	}

	public static List<Verdict> of(List<Row> rows) {
		Map<String, List<Row>> byConcern = rows.stream()
			.collect(Collectors.groupingBy(Row::concern, LinkedHashMap::new, Collectors.toList()));
		List<Verdict> verdicts = new ArrayList<>();
		byConcern.forEach((concern, list) -> verdicts.add(verdict(concern, list)));
		return verdicts;
	}

	private static Verdict verdict(String concern, List<Row> rows) {
		String store = STORE_NAMES.getOrDefault(concern, concern);
		Map<String, Map<String, Double>> single = singleClientP50(rows);
		List<Ratio> overhead = new ArrayList<>();
		List<Ratio> baseline = new ArrayList<>();
		single.forEach((key, targets) -> {
			String[] parts = key.split("\u0000");
			String workload = parts[0];
			long size = Long.parseLong(parts[1]);
			Double port = targets.get("port");
			Double raw = targets.get("raw");
			if (port != null && raw != null) {
				overhead.add(new Ratio(workload, size, port, raw, "raw"));
			}
			Double ours = (port != null) ? port : raw;
			Optional<Map.Entry<String, Double>> best = targets.entrySet()
				.stream()
				.filter((e) -> e.getKey().startsWith("baseline"))
				.min(Map.Entry.comparingByValue());
			if (ours != null && best.isPresent()) {
				baseline.add(new Ratio(workload, size, ours, best.get().getValue(),
						best.get().getKey().substring("baseline".length()).trim()));
			}
		});
		return new Verdict(concern, store, overhead, baseline, line(concern, store, baseline, rows));
	}

	/**
	 * (workload, size) to target to p50 at one client, closed loop; "baseline" targets
	 * keep their store label so two baselines (logged, unlogged) stay apart.
	 */
	static Map<String, Map<String, Double>> singleClientP50(List<Row> rows) {
		Map<String, Map<String, List<Double>>> collected = new LinkedHashMap<>();
		for (Row row : rows) {
			if (row.clients() != 1 || row.rate() != null || row.ops() == 0) {
				continue;
			}
			String target = row.target().equals("baseline") ? "baseline " + row.store() : row.target();
			collected.computeIfAbsent(row.workload() + "\u0000" + row.size(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(target, (k) -> new ArrayList<>())
				.add(row.p50());
		}
		Map<String, Map<String, Double>> result = new LinkedHashMap<>();
		collected.forEach((key, targets) -> {
			Map<String, Double> means = new LinkedHashMap<>();
			targets.forEach((target, values) -> means.put(target,
					values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
			result.put(key, means);
		});
		return result;
	}

	private static String line(String concern, String store, List<Ratio> baseline, List<Row> rows) {
		if (concern.equals("transfers")) {
			return transfersLine(rows);
		}
		if (baseline.isEmpty()) {
			return store + ": no baseline comparison in this run.";
		}
		List<Ratio> wins = baseline.stream().filter((r) -> r.factor() > 1.0).toList();
		List<Ratio> losses = baseline.stream().filter((r) -> r.factor() <= 1.0).toList();
		String sizes = baseline.stream()
			.map(Ratio::size)
			.collect(Collectors.toCollection(TreeSet::new))
			.stream()
			.map(Verdicts::size)
			.collect(Collectors.joining("/"));
		StringBuilder line = new StringBuilder();
		if (concern.equals("graph")) {
			String crossover = graphCrossover(baseline);
			if (crossover != null) {
				line.append(crossover).append(' ');
			}
		}
		if (losses.isEmpty()) {
			line.append(String.format(Locale.ROOT,
					"%s faster than PostgreSQL in every workload measured (%s; p50 ×%.1f–×%.1f).", store, sizes,
					min(wins), max(wins)));
		}
		else if (wins.isEmpty()) {
			line.append(String.format(Locale.ROOT,
					"PostgreSQL is faster here (%s, p50 ×%.1f–×%.1f): the store map's claim is not supported at this size.",
					sizes, 1 / max(losses), 1 / min(losses)));
		}
		else {
			line.append(String.format(Locale.ROOT, "%s faster on %s; PostgreSQL faster on %s (%s).", store, names(wins),
					names(losses), sizes));
		}
		return line.toString();
	}

	private static String graphCrossover(List<Ratio> baseline) {
		Map<Long, List<Ratio>> bySize = baseline.stream()
			.filter((r) -> r.workload().startsWith("neighbourhood-d"))
			.collect(Collectors.groupingBy(Ratio::size, java.util.TreeMap::new, Collectors.toList()));
		List<String> parts = new ArrayList<>();
		bySize.forEach((size, ratios) -> {
			ratios.sort(Comparator.comparing(Ratio::workload));
			Optional<Ratio> first = ratios.stream().filter((r) -> r.factor() > 1.0).findFirst();
			parts.add(first
				.map((r) -> String.format(Locale.ROOT,
						"Neo4j faster than PostgreSQL from depth %s at %s friendships (×%.1f).",
						r.workload().substring("neighbourhood-d".length()), size(size), r.factor()))
				.orElse(String.format(Locale.ROOT, "PostgreSQL faster at every depth measured at %s friendships.",
						size(size))));
		});
		return parts.isEmpty() ? null : String.join(" ", parts);
	}

	private static String transfersLine(List<Row> rows) {
		Map<String, Row> best = new LinkedHashMap<>();
		for (Row row : rows) {
			if (row.rate() != null || !row.workload().startsWith("transfer") && !row.workload().startsWith("tpcb")) {
				continue;
			}
			String key = row.workload() + " " + row.target();
			best.merge(key, row, (a, b) -> (a.throughput() >= b.throughput()) ? a : b);
		}
		if (best.isEmpty()) {
			return "no transfer runs.";
		}
		return best.entrySet()
			.stream()
			.map((e) -> String.format(Locale.ROOT, "%s peak %,.0f/s at %d clients", e.getKey(),
					e.getValue().throughput(), e.getValue().clients()))
			.collect(Collectors.joining("; ")) + ".";
	}

	private static String names(List<Ratio> ratios) {
		return ratios.stream()
			.map((r) -> String.format(Locale.ROOT, "%s@%s (×%.1f)", r.workload(), size(r.size()),
					(r.factor() > 1) ? r.factor() : 1 / r.factor()))
			.collect(Collectors.joining(", "));
	}

	private static double min(List<Ratio> ratios) {
		return ratios.stream().mapToDouble(Ratio::factor).min().orElse(Double.NaN);
	}

	private static double max(List<Ratio> ratios) {
		return ratios.stream().mapToDouble(Ratio::factor).max().orElse(Double.NaN);
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().filter(Double::isFinite).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static String size(long size) {
		if (size >= 1_000_000 && size % 1_000_000 == 0) {
			return (size / 1_000_000) + "M";
		}
		if (size >= 1_000 && size % 1_000 == 0) {
			return (size / 1_000) + "k";
		}
		return Long.toString(size);
	}

}
