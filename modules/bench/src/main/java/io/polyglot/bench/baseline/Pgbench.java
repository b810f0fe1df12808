package io.polyglot.bench.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.polyglot.bench.harness.Row;
import org.jspecify.annotations.Nullable;

/**
 * pgbench itself, PostgreSQL's own load tool, run as a subprocess against the bench's
 * database: its built-in TPC-B-like transaction, or a script of ours. Latencies come from
 * its per-transaction log ({@code -l}), so the rows carry the same percentiles as the
 * bench's own. Absent when no pgbench binary is installed (the rows are then skipped,
 * with a note).
 */
public final class Pgbench {

	private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

	private final Path binary;

	private final String host;

	private final String port;

	private final String database;

	private final String user;

	private final String password;

	private Pgbench(Path binary, String jdbcUrl, String user, String password) {
		Matcher url = URL.matcher(jdbcUrl);
		if (!url.matches()) {
			throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + jdbcUrl);
		}
		this.binary = binary;
		this.host = url.group(1);
		this.port = (url.group(2) != null) ? url.group(2) : "5432";
		this.database = url.group(3);
		this.user = user;
		this.password = password;
	}

	/** pgbench on this machine for the database at this URL, if it is installed. */
	public static Optional<Pgbench> find(String jdbcUrl, String user, String password) {
		return binary().map((path) -> new Pgbench(path, jdbcUrl, user, password));
	}

	private static Optional<Path> binary() {
		List<Path> candidates = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			candidates.add(Path.of(dir, "pgbench"));
		}
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			versions.sorted(Comparator.reverseOrder()).forEach((v) -> candidates.add(v.resolve("bin/pgbench")));
		}
		catch (IOException ex) {
			// no Debian PostgreSQL packages: only PATH counts
		}
		return candidates.stream().filter(Files::isExecutable).findFirst();
	}

	/** The version line pgbench prints, for the row's store label. */
	public String version() throws IOException, InterruptedException {
		return new String(start(List.of("--version")).getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
	}

	/**
	 * {@code pgbench -i}: the TPC-B-like tables at this scale (100,000 accounts each).
	 */
	public void initialize(int scale) throws IOException, InterruptedException {
		run(List.of("-i", "-q", "-I", "dtgvp", "-s", Integer.toString(scale)));
	}

	/**
	 * Runs pgbench closed-loop with this many clients for the warm-up and then the
	 * measured time, and returns the measured run as a row.
	 * @param script a script file, or {@code null} for the built-in TPC-B-like one
	 * @param variables {@code -D name=value} pairs for the script
	 */
	public Row measure(String concern, String workload, String target, String store, long size, int clients,
			Duration warmUp, Duration measure, @Nullable Path script, List<String> variables)
			throws IOException, InterruptedException {
		List<String> common = new ArrayList<>(List.of("-n", "-c", Integer.toString(clients), "-j",
				Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors()))));
		if (script != null) {
			common.addAll(List.of("-f", script.toString()));
		}
		else {
			common.addAll(List.of("-b", "tpcb-like"));
		}
		for (String variable : variables) {
			common.addAll(List.of("-D", variable));
		}
		// -T counts whole seconds: a warm-up shorter than one (the quick mode's) is
		// skipped rather than stretched to a second
		if (warmUp.toSeconds() >= 1) {
			List<String> warm = new ArrayList<>(common);
			warm.addAll(List.of("-T", Long.toString(warmUp.toSeconds())));
			run(warm);
		}
		Path logs = Files.createTempDirectory("polyglot-pgbench");
		try {
			List<String> args = new ArrayList<>(common);
			args.addAll(List.of("-T", Long.toString(Math.max(1, measure.toSeconds())), "-l", "--log-prefix",
					logs.resolve("tx").toString()));
			String out = run(args);
			long failed = number(out, "number of failed transactions: (\\d+)");
			double seconds = Math.max(1, measure.toSeconds());
			double[] latencies = latencies(logs);
			Arrays.sort(latencies);
			long ops = latencies.length;
			return new Row(concern, workload, target, store, size, clients, null, 1, ops, failed, seconds,
					ops / seconds, percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
					percentile(latencies, 99.9), (ops == 0) ? 0 : latencies[latencies.length - 1],
					(failed > 0) ? "pgbench: " + failed + " failed transactions" : "");
		}
		finally {
			try (Stream<Path> files = Files.list(logs)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
			Files.deleteIfExists(logs);
		}
	}

	/** Per-transaction latencies in ms from pgbench's logs (the third field is in µs). */
	private static double[] latencies(Path logs) throws IOException {
		List<Double> values = new ArrayList<>();
		try (Stream<Path> files = Files.list(logs)) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length >= 3 && !fields[2].equals("failed") && !fields[2].equals("skipped")) {
						values.add(Long.parseLong(fields[2]) / 1000.0);
					}
				}
			}
		}
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static double percentile(double[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static long number(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private String run(List<String> args) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(List.of("-h", this.host, "-p", this.port, "-U", this.user));
		full.addAll(args);
		full.add(this.database);
		Process process = start(full);
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("pgbench " + String.join(" ", args) + " failed: " + out);
		}
		return out;
	}

	private Process start(List<String> args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(this.binary.toString());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", this.password);
		builder.environment().put("LC_ALL", "C");
		return builder.start();
	}

	/** pgbench's version for labels, e.g. "pgbench 15.18". */
	public static String label(String versionLine) {
		String label = versionLine.replace("pgbench (PostgreSQL) ", "pgbench ");
		return label.startsWith("pgbench") ? label : "pgbench";
	}

}
