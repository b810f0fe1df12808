package io.polyglot.bench.harness;

import java.io.PrintStream;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Tells the person running the bench what is happening: on an interactive terminal one
 * line per run rewritten in place (phase, elapsed, ops/s, p99 so far); otherwise plain
 * lines, one per finished run, so logs stay readable.
 */
public final class Progress {

	private final PrintStream out;

	private final boolean interactive;

	public Progress(PrintStream out, boolean interactive) {
		this.out = out;
		this.interactive = interactive;
	}

	/** Interactive when a console is attached and output is not redirected. */
	public static Progress forConsole() {
		return new Progress(System.out, System.console() != null && System.getenv("CI") == null);
	}

	/** Prints nothing, for tests. */
	public static Progress silent() {
		return new Progress(new PrintStream(PrintStream.nullOutputStream()), false);
	}

	public void message(String text) {
		if (this.interactive) {
			this.out.print("\r\033[K");
		}
		this.out.println(text);
	}

	Line start(String label, String phase) {
		return new Line(label, phase);
	}

	/** The progress of one phase of one run. */
	final class Line {

		private final String label;

		private final String phase;

		private long lastPrint;

		Line(String label, String phase) {
			this.label = label;
			this.phase = phase;
		}

		void update(double elapsed, double opsPerSecond, double p99) {
			long now = System.nanoTime();
			if (!Progress.this.interactive || now - this.lastPrint < 200_000_000L) {
				return;
			}
			this.lastPrint = now;
			Progress.this.out.printf(Locale.ROOT, "\r\033[K%-60s %-7s %5.1fs %,10.0f ops/s  p99 %8.3f ms", this.label,
					this.phase, elapsed, opsPerSecond, p99);
			Progress.this.out.flush();
		}

		void done(@Nullable Measurement measurement) {
			if (measurement == null) {
				return;
			}
			if (Progress.this.interactive) {
				Progress.this.out.print("\r\033[K");
			}
			Progress.this.out.printf(Locale.ROOT,
					"%-60s %,9d ops %,10.0f ops/s  p50 %8.3f  p99 %8.3f  max %8.3f ms%s%n", this.label,
					measurement.ops(), measurement.throughput(), measurement.percentileMillis(50),
					measurement.percentileMillis(99), measurement.maxMillis(), (measurement.errors() > 0)
							? "  errors " + measurement.errors() + " (" + measurement.firstError() + ")" : "");
		}

	}

}
