package io.polyglot.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Inline SVG charts for the self-contained HTML report (no script, no network). */
final class Svg {

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
			"#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };

	private Svg() {
	}

	/**
	 * One bar of a horizontal bar chart, with an optional second value drawn as a tick.
	 */
	record Bar(String label, double value, double tick, int colour) {
	}

	/**
	 * Horizontal bars, one per label; {@code reference} draws a vertical line (e.g. 1.0
	 * for ratios), NaN for none.
	 */
	static String bars(String title, String unit, List<Bar> bars, double reference) {
		if (bars.isEmpty()) {
			return "";
		}
		int labelWidth = 330;
		int width = 900;
		int rowHeight = 18;
		int top = 28;
		int height = top + bars.size() * rowHeight + 30;
		double max = bars.stream()
			.mapToDouble((b) -> Math.max(b.value(), Double.isNaN(b.tick()) ? 0 : b.tick()))
			.max()
			.orElse(1);
		if (!Double.isNaN(reference)) {
			max = Math.max(max, reference * 1.1);
		}
		max = (max <= 0) ? 1 : max;
		double scale = (width - labelWidth - 80) / max;
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg width='%d' height='%d' font-family='sans-serif' font-size='11'>",
				width, height));
		svg.append("<text x='4' y='16' font-size='13' font-weight='bold'>").append(escape(title)).append("</text>");
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int y = top + i * rowHeight;
			svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='end'>%s</text>", labelWidth - 6,
					y + 12, escape(bar.label())));
			double w = Math.max(1, bar.value() * scale);
			svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%.1f' height='%d' fill='%s'/>",
					labelWidth, y + 2, w, rowHeight - 5, COLOURS[bar.colour() % COLOURS.length]));
			if (!Double.isNaN(bar.tick())) {
				double x = labelWidth + bar.tick() * scale;
				svg.append(String.format(Locale.ROOT,
						"<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='black' stroke-width='2'/>", x, x, y + 1,
						y + rowHeight - 2));
			}
			svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d'>%s</text>",
					labelWidth + Math.max(w, Double.isNaN(bar.tick()) ? 0 : bar.tick() * scale) + 4, y + 12,
					escape(number(bar.value()) + (Double.isNaN(bar.tick()) ? "" : " / " + number(bar.tick())) + " "
							+ unit)));
		}
		if (!Double.isNaN(reference)) {
			double x = labelWidth + reference * scale;
			svg.append(String.format(Locale.ROOT,
					"<line x1='%.1f' x2='%.1f' y1='%d' y2='%d' stroke='#555' stroke-dasharray='4 3'/>", x, x, top - 4,
					height - 24));
			svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", x,
					height - 10, number(reference)));
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Lines over a numeric x axis (log scale on both axes: sizes and client counts grow
	 * by factors).
	 */
	static String lines(String title, String xLabel, String yLabel, Map<String, Map<Double, Double>> series) {
		series.values().removeIf((points) -> points.size() < 2);
		if (series.isEmpty()) {
			return "";
		}
		TreeSet<Double> xs = new TreeSet<>();
		double minY = Double.MAX_VALUE;
		double maxY = 0;
		for (Map<Double, Double> points : series.values()) {
			xs.addAll(points.keySet());
			for (double y : points.values()) {
				if (y > 0) {
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		int width = 900;
		int legend = 300;
		int height = 300;
		int left = 60;
		int top = 30;
		int plotW = width - left - legend - 20;
		int plotH = height - top - 50;
		double lx0 = Math.log10(xs.first());
		double lx1 = Math.log10(xs.last());
		double ly0 = Math.floor(Math.log10(Math.max(minY, 1e-6)));
		double ly1 = Math.ceil(Math.log10(Math.max(maxY, 1e-6)));
		if (ly1 <= ly0) {
			ly1 = ly0 + 1;
		}
		double fx = (lx1 > lx0) ? plotW / (lx1 - lx0) : 0;
		double fy = plotH / (ly1 - ly0);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg width='%d' height='%d' font-family='sans-serif' font-size='11'>",
				width, height));
		svg.append("<text x='4' y='16' font-size='13' font-weight='bold'>").append(escape(title)).append("</text>");
		svg.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>",
				left, top, plotW, plotH));
		for (double e = ly0; e <= ly1; e++) {
			double y = top + plotH - (e - ly0) * fy;
			svg.append(String.format(Locale.ROOT,
					"<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#eee'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>",
					left, left + plotW, y, y, left - 4, y + 4, number(Math.pow(10, e))));
		}
		for (double x : xs) {
			double px = left + (Math.log10(x) - lx0) * fx;
			svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle'>%s</text>", px,
					top + plotH + 14, number(x)));
		}
		svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>%s</text>", left + plotW / 2,
				top + plotH + 32, escape(xLabel)));
		svg.append(String.format(Locale.ROOT,
				"<text x='12' y='%d' transform='rotate(-90 12 %d)' text-anchor='middle'>%s</text>", top + plotH / 2,
				top + plotH / 2, escape(yLabel)));
		int index = 0;
		for (Map.Entry<String, Map<Double, Double>> entry : series.entrySet()) {
			String colour = COLOURS[index % COLOURS.length];
			String dash = (index / COLOURS.length % 2 == 1) ? " stroke-dasharray='5 3'" : "";
			List<String> points = new ArrayList<>();
			for (Map.Entry<Double, Double> point : entry.getValue().entrySet()) {
				double px = left + (Math.log10(point.getKey()) - lx0) * fx;
				double py = top + plotH - (Math.log10(Math.max(point.getValue(), Math.pow(10, ly0))) - ly0) * fy;
				points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
				svg.append(
						String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.5' fill='%s'/>", px, py, colour));
			}
			svg.append(
					String.format(Locale.ROOT, "<polyline fill='none' stroke='%s' stroke-width='1.5'%s points='%s'/>",
							colour, dash, String.join(" ", points)));
			int ly = top + 10 + index * 14;
			svg.append(String.format(Locale.ROOT,
					"<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='%s' stroke-width='2'%s/><text x='%d' y='%d'>%s</text>",
					width - legend, width - legend + 18, ly - 4, ly - 4, colour, dash, width - legend + 22, ly,
					escape(entry.getKey())));
			index++;
		}
		return svg.append("</svg>").toString();
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (value >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		if (value >= 0.1) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, "%.3f", value);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("'", "&#39;")
			.replace("\"", "&quot;");
	}

}
