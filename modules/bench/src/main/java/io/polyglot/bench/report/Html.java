package io.polyglot.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.polyglot.bench.harness.Row;

/** The self-contained HTML report: verdicts, inline SVG charts and every row. */
final class Html {

	private Html() {
	}

	static String page(Map<String, Object> environment, List<Row> rows, List<Verdicts.Verdict> verdicts,
			List<String> notes, List<String> failures) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Polyglot bench ")
			.append(Svg.escape(String.valueOf(environment.get("timestamp"))))
			.append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
					+ "table{border-collapse:collapse;font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
					+ "td:first-child,th:first-child,td.l{text-align:left}.verdict{background:#f4f4f4;padding:.5em 1em;border-left:4px solid #1f77b4}"
					+ ".fail{color:#b00}</style></head><body>");
		html.append("<h1>Polyglot bench</h1><p>")
			.append(Svg.escape(String.format(Locale.ROOT, "%s, %s mode, %.0f s wall, %s cores, %.1f GB, %s, commit %s",
					environment.get("timestamp"), environment.get("mode"),
					((Number) environment.get("wallSeconds")).doubleValue(), environment.get("cores"),
					((Number) environment.get("memoryBytes")).longValue() / 1e9, environment.get("jdk"),
					environment.get("gitCommit"))))
			.append("</p><p>Command: <code>")
			.append(Svg.escape(String.valueOf(environment.get("command"))))
			.append("</code></p><ul>");
		((Map<?, ?>) environment.get("stores"))
			.forEach((name, impl) -> html.append("<li>").append(Svg.escape(name + ": " + impl)).append("</li>"));
		html.append("</ul>");
		if (!failures.isEmpty()) {
			html.append("<h2 class='fail'>Equivalence failures</h2><ul class='fail'>");
			failures.forEach((f) -> html.append("<li>").append(Svg.escape(f)).append("</li>"));
			html.append("</ul>");
		}
		html.append("<h2>Verdicts</h2><p>Single client, closed loop, p50. port/raw = the adapter's overhead; "
				+ "baseline/store &gt; 1 = the chosen store is faster than PostgreSQL.</p>");
		html.append(
				"<table><tr><th>Concern</th><th>Store</th><th>port/raw</th><th>baseline/store</th><th>Verdict</th></tr>");
		for (Verdicts.Verdict v : verdicts) {
			html.append("<tr><td>")
				.append(v.concern())
				.append("</td><td class='l'>")
				.append(v.store())
				.append("</td><td>")
				.append(Reports.ratio(v.medianOverhead()))
				.append("</td><td>")
				.append(Reports.ratio(v.medianBaseline()))
				.append("</td><td class='l'>")
				.append(Svg.escape(v.line()))
				.append("</td></tr>");
		}
		html.append("</table>");
		for (Verdicts.Verdict v : verdicts) {
			List<Row> mine = rows.stream().filter((r) -> r.concern().equals(v.concern())).toList();
			html.append("<h2>").append(Svg.escape(v.concern() + " (" + v.store() + ")")).append("</h2>");
			html.append("<p class='verdict'>").append(Svg.escape(v.line())).append("</p>");
			html.append(latencyBars(v.concern(), mine));
			html.append(ratioBars(v));
			html.append(Svg.lines(v.concern() + ": throughput vs clients", "clients", "ops/s", throughputSeries(mine)));
			html.append(Svg.lines(v.concern() + ": p50 vs data size (1 client)", "size", "p50 ms", sizeSeries(mine)));
			if (v.concern().equals("graph")) {
				html.append(Svg.lines("graph: neighbourhood p50 vs depth (1 client)", "depth", "p50 ms",
						depthSeries(mine)));
			}
			html.append(table(mine));
		}
		if (!notes.isEmpty()) {
			html.append("<h2>Notes</h2><ul>");
			notes.forEach((n) -> html.append("<li>").append(Svg.escape(n)).append("</li>"));
			html.append("</ul>");
		}
		return html.append("</body></html>\n").toString();
	}

	private static String latencyBars(String concern, List<Row> rows) {
		List<Svg.Bar> bars = new ArrayList<>();
		Map<String, Integer> colours = new LinkedHashMap<>();
		for (Row row : rows) {
			if (row.clients() != 1 || row.rate() != null || row.repeat() != 1) {
				continue;
			}
			String target = row.target().equals("baseline") ? "baseline " + shortStore(row.store()) : row.target();
			int colour = colours.computeIfAbsent(target, (k) -> colours.size());
			bars.add(new Svg.Bar(row.workload() + " " + Verdicts.size(row.size()) + " " + target, row.p50(), row.p99(),
					colour));
		}
		return Svg.bars(concern + ": p50 (bar) and p99 (tick), 1 client", "ms", bars, Double.NaN);
	}

	private static String ratioBars(Verdicts.Verdict v) {
		List<Svg.Bar> bars = new ArrayList<>();
		v.overhead()
			.forEach((r) -> bars.add(new Svg.Bar("port/raw " + r.workload() + " " + Verdicts.size(r.size()),
					r.storeP50() / r.otherP50(), Double.NaN, 0)));
		v.baseline()
			.forEach((r) -> bars.add(new Svg.Bar("baseline/store " + r.workload() + " " + Verdicts.size(r.size()),
					r.factor(), Double.NaN, (r.factor() > 1) ? 2 : 1)));
		return Svg.bars(v.concern() + ": ratios (dashed line = 1)", "×", bars, 1.0);
	}

	private static Map<String, Map<Double, Double>> throughputSeries(List<Row> rows) {
		Map<String, Map<Double, Double>> series = new TreeMap<>();
		for (Row row : rows) {
			if (row.rate() == null && row.repeat() == 1) {
				series
					.computeIfAbsent(row.workload() + " " + Verdicts.size(row.size()) + " " + label(row),
							(k) -> new TreeMap<>())
					.put((double) row.clients(), row.throughput());
			}
		}
		return series;
	}

	private static Map<String, Map<Double, Double>> sizeSeries(List<Row> rows) {
		Map<String, Map<Double, Double>> series = new TreeMap<>();
		for (Row row : rows) {
			if (row.rate() == null && row.clients() == 1 && row.repeat() == 1
					&& !row.workload().startsWith("neighbourhood")) {
				series.computeIfAbsent(row.workload() + " " + label(row), (k) -> new TreeMap<>())
					.put((double) row.size(), row.p50());
			}
		}
		return series;
	}

	private static Map<String, Map<Double, Double>> depthSeries(List<Row> rows) {
		Map<String, Map<Double, Double>> series = new TreeMap<>();
		for (Row row : rows) {
			if (row.workload().startsWith("neighbourhood-d") && row.rate() == null && row.clients() == 1
					&& row.repeat() == 1) {
				double depth = Double.parseDouble(row.workload().substring("neighbourhood-d".length()));
				series.computeIfAbsent(label(row) + " " + Verdicts.size(row.size()), (k) -> new TreeMap<>())
					.put(depth, row.p50());
			}
		}
		return series;
	}

	private static String label(Row row) {
		return row.target().equals("baseline") ? "baseline " + shortStore(row.store()) : row.target();
	}

	private static String shortStore(String store) {
		int space = store.lastIndexOf(' ');
		return (store.startsWith("PostgreSQL") && space > 0) ? store.substring(space + 1) : "";
	}

	private static String table(List<Row> rows) {
		StringBuilder html = new StringBuilder(
				"<table><tr><th>Workload</th><th>Target</th><th>Store</th><th>Size</th><th>Clients</th><th>Rate</th>"
						+ "<th>Rep</th><th>Ops</th><th>Errors</th><th>ops/s</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max ms</th></tr>");
		for (Row r : rows) {
			html.append(String.format(Locale.ROOT,
					"<tr><td>%s</td><td class='l'>%s</td><td class='l'>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%d</td>"
							+ "<td>%,d</td><td>%s</td><td>%,.0f</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
					Svg.escape(r.workload()), r.target(), Svg.escape(r.store()), Verdicts.size(r.size()), r.clients(),
					(r.rate() == null) ? "" : String.format(Locale.ROOT, "%.0f/s", r.rate()), r.repeat(), r.ops(),
					(r.errors() == 0) ? "0"
							: "<span class='fail' title='" + Svg.escape(r.firstError()) + "'>" + r.errors() + "</span>",
					r.throughput(), Svg.number(r.p50()), Svg.number(r.p90()), Svg.number(r.p99()), Svg.number(r.p999()),
					Svg.number(r.max())));
		}
		return html.append("</table>").toString();
	}

}
