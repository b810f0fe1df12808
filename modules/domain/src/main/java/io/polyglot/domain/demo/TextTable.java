package io.polyglot.domain.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders result rows as a fixed-width text table, as a SQL console would show them. */
public final class TextTable {

	private TextTable() {
	}

	/** The rows (column name to value, same columns in each) as aligned text. */
	public static String of(List<Map<String, Object>> rows, int maxRows) {
		if (rows.isEmpty()) {
			return "(0 rows)";
		}
		List<String> columns = new ArrayList<>(rows.get(0).keySet());
		int[] widths = new int[columns.size()];
		List<Map<String, Object>> shown = rows.subList(0, Math.min(rows.size(), maxRows));
		for (int c = 0; c < columns.size(); c++) {
			widths[c] = columns.get(c).length();
			for (Map<String, Object> row : shown) {
				widths[c] = Math.max(widths[c], String.valueOf(row.get(columns.get(c))).length());
			}
		}
		StringBuilder text = new StringBuilder();
		line(text, columns, widths);
		for (int c = 0; c < columns.size(); c++) {
			text.append((c > 0) ? "-+-" : "").append("-".repeat(widths[c]));
		}
		text.append('\n');
		for (Map<String, Object> row : shown) {
			List<String> values = new ArrayList<>();
			for (String column : columns) {
				values.add(String.valueOf(row.get(column)));
			}
			line(text, values, widths);
		}
		text.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
		if (rows.size() > shown.size()) {
			text.append(", first ").append(shown.size()).append(" shown");
		}
		return text.append(')').toString();
	}

	private static void line(StringBuilder text, List<String> values, int[] widths) {
		for (int c = 0; c < values.size(); c++) {
			String value = values.get(c);
			text.append((c > 0) ? " | " : "").append(value).append(" ".repeat(widths[c] - value.length()));
		}
		text.append('\n');
	}

}
