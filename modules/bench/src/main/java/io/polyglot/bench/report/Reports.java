package io.polyglot.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Row;
import io.polyglot.bench.harness.Settings;

/**
 * Writes a run's results under {@code <out>/<timestamp>/}: {@code results.json} (every
 * row and the run's environment), {@code report.md} (tables and verdicts, for docs) and
 * {@code report.html} (the same with inline SVG charts, readable offline); and points
 * {@code <out>/latest} at it.
 */
public final class Reports {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private Reports() {
	}

	public static Path write(Path out, Settings settings, BenchContext context, Map<String, String> implementations,
			double wallSeconds, List<String> failures) throws IOException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Path directory = out.resolve(STAMP.format(now));
		Files.createDirectories(directory);
		List<Row> rows = context.rows();
		List<Verdicts.Verdict> verdicts = Verdicts.of(rows);
		Map<String, Object> environment = environment(implementations, now, wallSeconds, settings);
		Files.writeString(directory.resolve("results.json"),
				Json.write(json(environment, settings, rows, verdicts, context.notes(), failures)));
		Files.writeString(directory.resolve("report.md"),
				markdown(environment, rows, verdicts, context.notes(), failures));
		Files.writeString(directory.resolve("report.html"),
				Html.page(environment, rows, verdicts, context.notes(), failures));
		Path latest = out.resolve("latest");
		Files.deleteIfExists(latest);
		try {
			Files.createSymbolicLink(latest, directory.getFileName());
		}
		catch (UnsupportedOperationException | IOException ex) {
			Files.writeString(out.resolve("latest.txt"), directory.getFileName().toString());
		}
		return directory;
	}

	static Map<String, Object> environment(Map<String, String> implementations, Instant when, double wallSeconds,
			Settings settings) {
		Map<String, Object> environment = new LinkedHashMap<>();
		environment.put("timestamp", when.toString());
		environment.put("command", System.getProperty("bench.command", "bench"));
		environment.put("mode", settings.quick() ? "quick" : "full");
		environment.put("wallSeconds", wallSeconds);
		environment.put("cores", Runtime.getRuntime().availableProcessors());
		long memory = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getTotalMemorySize() : -1;
		environment.put("memoryBytes", memory);
		environment.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
		environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		environment.put("gitCommit", System.getProperty("bench.git.commit", "unknown"));
		environment.put("stores", new TreeMap<>(implementations));
		return environment;
	}

	private static Map<String, Object> json(Map<String, Object> environment, Settings settings, List<Row> rows,
			List<Verdicts.Verdict> verdicts, List<String> notes, List<String> failures) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("environment", environment);
		Map<String, Object> asked = new LinkedHashMap<>();
		asked.put("quick", settings.quick());
		asked.put("stores", List.copyOf(settings.stores()));
		asked.put("sizes", settings.sizes());
		asked.put("clients", settings.clients());
		asked.put("rates", settings.rates());
		asked.put("repeat", settings.repeat());
		asked.put("warmUpSeconds", settings.warmUp().toMillis() / 1000.0);
		asked.put("measureSeconds", settings.measure().toMillis() / 1000.0);
		asked.put("equivalenceSamples", settings.samples());
		root.put("settings", asked);
		List<Object> list = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("concern", row.concern());
			item.put("workload", row.workload());
			item.put("target", row.target());
			item.put("store", row.store());
			item.put("size", row.size());
			item.put("clients", row.clients());
			item.put("rate", row.rate());
			item.put("repeat", row.repeat());
			item.put("ops", row.ops());
			item.put("errors", row.errors());
			item.put("seconds", row.seconds());
			item.put("throughput", row.throughput());
			item.put("p50Ms", row.p50());
			item.put("p90Ms", row.p90());
			item.put("p99Ms", row.p99());
			item.put("p999Ms", row.p999());
			item.put("maxMs", row.max());
			if (!row.firstError().isEmpty()) {
				item.put("firstError", row.firstError());
			}
			list.add(item);
		}
		root.put("rows", list);
		List<Object> verdictList = new ArrayList<>();
		for (Verdicts.Verdict verdict : verdicts) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("concern", verdict.concern());
			item.put("store", verdict.store());
			item.put("medianPortOverRaw", verdict.medianOverhead());
			item.put("medianBaselineOverStore", verdict.medianBaseline());
			item.put("verdict", verdict.line());
			verdictList.add(item);
		}
		root.put("verdicts", verdictList);
		root.put("notes", notes);
		root.put("failures", failures);
		return root;
	}

	static String markdown(Map<String, Object> environment, List<Row> rows, List<Verdicts.Verdict> verdicts,
			List<String> notes, List<String> failures) {
		StringBuilder md = new StringBuilder("# Bench results\n\n");
		md.append("Run `")
			.append(environment.get("command"))
			.append("` at ")
			.append(environment.get("timestamp"))
			.append(String.format(Locale.ROOT, " (%.0f s wall) on %s cores, %.1f GB, %s, commit %s.%n%n",
					((Number) environment.get("wallSeconds")).doubleValue(), environment.get("cores"),
					((Number) environment.get("memoryBytes")).longValue() / 1e9, environment.get("jdk"),
					environment.get("gitCommit")));
		md.append("Stores:\n\n");
		((Map<?, ?>) environment.get("stores"))
			.forEach((name, impl) -> md.append("- ").append(name).append(": ").append(impl).append('\n'));
		if (!failures.isEmpty()) {
			md.append("\n**Equivalence failures (these workloads were not timed):**\n\n");
			failures.forEach((f) -> md.append("- ").append(f).append('\n'));
		}
		md.append("\n## Verdicts\n\n");
		md.append(
				"Single client, closed loop, p50. Port/raw: the adapter's overhead (1.00 = none). Baseline/store above 1: the chosen store is faster than PostgreSQL.\n\n");
		md.append(
				"| Concern | Store | port/raw (median) | baseline/store (median) | Verdict |\n|---|---|---|---|---|\n");
		for (Verdicts.Verdict verdict : verdicts) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", verdict.concern(), verdict.store(),
					ratio(verdict.medianOverhead()), ratio(verdict.medianBaseline()), verdict.line()));
		}
		for (Verdicts.Verdict verdict : verdicts) {
			md.append("\n## ").append(verdict.concern()).append(" (").append(verdict.store()).append(")\n\n");
			md.append(verdict.line()).append("\n\n");
			if (!verdict.baseline().isEmpty() || !verdict.overhead().isEmpty()) {
				md.append(
						"| Workload | Size | port/raw | store p50 ms | best baseline p50 ms | baseline/store |\n|---|---|---|---|---|---|\n");
				Map<String, Verdicts.Ratio> overhead = verdict.overhead()
					.stream()
					.collect(Collectors.toMap((r) -> r.workload() + "@" + r.size(), (r) -> r, (a, b) -> a));
				Map<String, Verdicts.Ratio> baseline = verdict.baseline()
					.stream()
					.collect(Collectors.toMap((r) -> r.workload() + "@" + r.size(), (r) -> r, (a, b) -> a,
							LinkedHashMap::new));
				overhead.keySet().forEach((k) -> baseline.putIfAbsent(k, null));
				baseline.forEach((key, b) -> {
					Verdicts.Ratio o = overhead.get(key);
					String[] parts = key.split("@");
					md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", parts[0],
							Verdicts.size(Long.parseLong(parts[1])),
							(o != null) ? ratio(o.storeP50() / o.otherP50()) : "",
							(b != null) ? Svg.number(b.storeP50()) : (o != null) ? Svg.number(o.storeP50()) : "",
							(b != null) ? Svg.number(b.otherP50()) + " (" + b.other() + ")" : "",
							(b != null) ? ratio(b.factor()) : ""));
				});
				md.append('\n');
			}
			md.append(
					"| Workload | Target | Store | Size | Clients | Rate | Ops | Errors | ops/s | p50 | p90 | p99 | p99.9 | max |\n");
			md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (Row row : rows) {
				if (!row.concern().equals(verdict.concern())) {
					continue;
				}
				md.append(String.format(Locale.ROOT,
						"| %s | %s | %s | %s | %d | %s | %,d | %d | %,.0f | %s | %s | %s | %s | %s |%n", row.workload(),
						row.target(), row.store(), Verdicts.size(row.size()), row.clients(),
						(row.rate() == null) ? "" : String.format(Locale.ROOT, "%.0f/s", row.rate()), row.ops(),
						row.errors(), row.throughput(), Svg.number(row.p50()), Svg.number(row.p90()),
						Svg.number(row.p99()), Svg.number(row.p999()), Svg.number(row.max())));
			}
		}
		if (!notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			notes.forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	static String ratio(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
	}

}
