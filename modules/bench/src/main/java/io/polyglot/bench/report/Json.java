package io.polyglot.bench.report;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer for the results file (no library: the format is small and fixed).
 */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, 0);
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, int indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(out, text);
		}
		else if (value instanceof Double number) {
			out.append(Double.isFinite(number) ? new java.math.BigDecimal(number).round(new java.math.MathContext(6))
				.stripTrailingZeros()
				.toPlainString() : "null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
				string(out, String.valueOf(entry.getKey()));
				out.append(": ");
				write(out, entry.getValue(), indent + 1);
				first = false;
			}
			out.append(first ? "}" : "\n" + "  ".repeat(indent) + "}");
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				out.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
				write(out, item, indent + 1);
				first = false;
			}
			out.append(first ? "]" : "\n" + "  ".repeat(indent) + "]");
		}
		else {
			string(out, value.toString());
		}
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
