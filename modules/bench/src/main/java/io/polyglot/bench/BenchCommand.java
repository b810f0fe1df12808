package io.polyglot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Progress;
import io.polyglot.bench.harness.Settings;
import io.polyglot.bench.report.Reports;
import io.polyglot.bench.stores.ConnectionProperties;
import io.polyglot.bench.stores.Stores;
import io.polyglot.bench.workloads.CatalogWorkload;
import io.polyglot.bench.workloads.DocumentVsJoinWorkload;
import io.polyglot.bench.workloads.EventLogWorkload;
import io.polyglot.bench.workloads.GraphWorkload;
import io.polyglot.bench.workloads.OrdersWorkload;
import io.polyglot.bench.workloads.OutboxWorkload;
import io.polyglot.bench.workloads.SessionsWorkload;
import io.polyglot.bench.workloads.TransfersWorkload;
import io.polyglot.bench.workloads.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The bench's command line: which concerns, data sizes, client counts and rates; where
 * the stores are; where the results go.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
		"Runs each persistence concern's workloads on its store, through the service's port and the bare "
				+ "driver, beside a PostgreSQL baseline; checks they answer alike; writes results.json, report.html "
				+ "and report.md.",
		"Connection settings use the service's names, e.g. --spring.datasource.url=jdbc:postgresql://h:5432/db "
				+ "(or SPRING_DATASOURCE_URL); stores not given are started locally." })
public final class BenchCommand implements Callable<Integer> {

	/** Every workload, in report order. */
	static List<Workload> all() {
		return List.of(new SessionsWorkload(), new CatalogWorkload(), new EventLogWorkload(), new GraphWorkload(),
				new TransfersWorkload(), new OutboxWorkload(), new OrdersWorkload(), new DocumentVsJoinWorkload());
	}

	@Option(names = "--quick", description = "small data, short phases: the whole suite in a few minutes")
	boolean quick;

	@Option(names = "--store", split = ",", defaultValue = "all",
			description = "postgres|mongodb|redis|cassandra|neo4j|all (comma-separated); default ${DEFAULT-VALUE}")
	List<String> store;

	@Option(names = "--concern", split = ",",
			description = "only these concerns: sessions,catalog,eventlog,graph,transfers,outbox,orders,documents")
	List<String> concerns = new ArrayList<>();

	@Option(names = "--size", split = ",", description = "data set sizes (overrides each workload's defaults)")
	List<Long> sizes = new ArrayList<>();

	@Option(names = "--clients", split = ",",
			description = "closed-loop client counts (a sweep); default 1 quick, 1,4,16 full")
	List<Integer> clients = new ArrayList<>();

	@Option(names = "--rate", split = ",",
			description = "open-loop target rates in calls/s (latency from intended start)")
	List<Double> rates = new ArrayList<>();

	@Option(names = "--repeat", defaultValue = "1", description = "repeat every measurement N times")
	int repeat;

	@Option(names = "--warm-up", description = "warm-up per run, e.g. PT1S (default 0.2 s quick, 2 s full)")
	Duration warmUp;

	@Option(names = "--measure", description = "measured time per run, e.g. PT5S (default 1 s quick, 5 s full)")
	Duration measure;

	@Option(names = "--samples", description = "queries in each equivalence check (default 10 quick, 100 full)")
	Integer samples;

	@Option(names = "--durability", split = ",", defaultValue = "fast",
			description = "fast|durable (comma-separated): locally started stores with the tests' fast settings, "
					+ "the run command's durable ones, or each in turn (rows of durable runs are named "
					+ "<workload>/durable); default ${DEFAULT-VALUE}")
	List<String> durability;

	@Option(names = "--out", defaultValue = "target/bench", description = "results directory; default ${DEFAULT-VALUE}")
	Path out;

	@Unmatched
	List<String> connection = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		long began = System.nanoTime();
		ConnectionProperties properties = ConnectionProperties.fromArguments(this.connection);
		Settings settings = new Settings(this.quick, new LinkedHashSet<>(this.store), this.sizes,
				this.clients.isEmpty() ? (this.quick ? List.of(1) : List.of(1, 4, 16)) : this.clients, this.rates,
				this.repeat, (this.warmUp != null) ? this.warmUp : Duration.ofMillis(this.quick ? 200 : 2000),
				(this.measure != null) ? this.measure : Duration.ofMillis(this.quick ? 1000 : 5000),
				(this.samples != null) ? this.samples : (this.quick ? 10 : 100));
		List<Workload> selected = all().stream()
			.filter((w) -> settings.runs(w.store()))
			.filter((w) -> this.concerns.isEmpty() || this.concerns.contains(w.concern()))
			.toList();
		if (selected.isEmpty()) {
			throw new CommandLine.ParameterException(new CommandLine(this), "no workload matches --store/--concern");
		}
		Set<String> needed = new LinkedHashSet<>();
		selected.forEach((w) -> needed.addAll(w.needs()));
		Progress progress = Progress.forConsole();
		BenchContext context = new BenchContext(settings, progress);
		int pool = Math.max(64, settings.clients().stream().mapToInt(Integer::intValue).max().orElse(1) + 4);
		List<String> failures = new ArrayList<>();
		for (String mode : this.durability) {
			if (!List.of("fast", "durable").contains(mode)) {
				throw new CommandLine.ParameterException(new CommandLine(this),
						"--durability takes fast and/or durable, not " + mode);
			}
		}
		Map<String, String> implementations = new LinkedHashMap<>();
		String commitlog = System.getProperty("polyglot.cassandra.commitlog-sync",
				System.getenv("POLYGLOT_CASSANDRA_COMMITLOG_SYNC"));
		if (commitlog != null && !commitlog.isBlank()) {
			context.note("local Cassandra: commitlog_sync " + commitlog + " (polyglot.cassandra.commitlog-sync)");
		}
		for (String mode : this.durability) {
			boolean durable = mode.equals("durable");
			context.variant(durable ? "durable" : "");
			try (Stores stores = new Stores(properties, needed, pool, durable)) {
				// a Ctrl-C still stops the stores this run started
				Thread stopper = new Thread(stores::close, "bench-stop-stores");
				Runtime.getRuntime().addShutdownHook(stopper);
				progress.message("starting or connecting (" + mode + " settings): " + needed);
				long starting = System.nanoTime();
				stores.start();
				progress.message(String.format(java.util.Locale.ROOT, "stores ready in %.0f s",
						(System.nanoTime() - starting) / 1e9));
				if (durable && !stores.external().isEmpty()) {
					context.note("durable: " + stores.external()
							+ " were given as running stores and keep their own settings");
				}
				for (Workload workload : selected) {
					progress.message("== " + workload.concern() + " (" + workload.store() + ", " + mode + ")");
					long started = System.nanoTime();
					try {
						workload.run(context, stores);
						progress.message(String.format(java.util.Locale.ROOT, "== %s done in %.0f s",
								workload.concern(), (System.nanoTime() - started) / 1e9));
					}
					catch (io.polyglot.bench.harness.Equivalence.MismatchException ex) {
						failures.add(ex.getMessage());
						progress.message("MISMATCH: " + ex.getMessage());
					}
					catch (Exception ex) {
						// one broken workload must not cost the others' results
						failures.add(workload.concern() + " failed: " + ex);
						progress.message("FAILED: " + workload.concern() + ": " + ex);
						ex.printStackTrace();
					}
				}
				stores.implementations()
					.forEach((name, implementation) -> implementations.put(durable ? name + "/durable" : name,
							durable ? implementation + " (run command's durable settings)" : implementation));
				Runtime.getRuntime().removeShutdownHook(stopper);
			}
		}
		context.variant("");
		Path directory = Reports.write(this.out, settings, context, implementations, (System.nanoTime() - began) / 1e9,
				failures);
		progress.message("results: " + directory.resolve("report.html"));
		return failures.isEmpty() ? 0 : 2;
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
	}

}
