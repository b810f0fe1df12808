package io.polyglot.localstores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The five stores of the service as one unit: created with the ports and directories of a
 * run mode, started in parallel, stopped together.
 */
public final class LocalStores implements AutoCloseable {

	/** Every store, in the order they are listed to people. */
	public static final List<String> ALL = List.of("postgres", "mongodb", "redis", "cassandra", "neo4j");

	/**
	 * Fixed loopback ports of the local run, chosen off the standard ones so a PostgreSQL
	 * or Redis already on 5432/6379 does not clash. Each can be moved with
	 * {@code POLYGLOT_<STORE>_PORT}.
	 */
	public static final Map<String, Integer> RUN_PORTS = Map.of("postgres", 15432, "mongodb", 17017, "redis", 16379,
			"cassandra", 19042, "neo4j", 17687);

	/** Cassandra's inter-node (storage) port in the local run. */
	public static final int RUN_CASSANDRA_STORAGE_PORT = 17000;

	private final Map<String, LocalStore> stores;

	/** Whether {@link #start()} also starts a {@link StoreSupervisor}. */
	private final boolean supervised;

	private @Nullable StoreSupervisor supervisor;

	/**
	 * Set by {@link #stop()}: a start still in progress then starts no supervisor.
	 */
	private boolean stopRequested;

	private LocalStores(Map<String, LocalStore> stores, boolean supervised) {
		this.stores = stores;
		this.supervised = supervised;
	}

	/**
	 * The local run: data under {@code root} survives restarts and every acknowledged
	 * write survives {@code kill -9} of a store or of the service, fixed ports, generous
	 * start timeouts (a first start also unpacks PostgreSQL and initialises Cassandra),
	 * and a store whose process dies is restarted.
	 */
	public static LocalStores forRun(Path root, Set<String> names) {
		return create(root, names, true, (name) -> envPort(name, RUN_PORTS.get(name)),
				envPort("cassandra_storage", RUN_CASSANDRA_STORAGE_PORT));
	}

	/**
	 * The local run's settings (durable, persistent, supervised) on free ports with data
	 * under {@code root}: for tests of exactly what the run command does, next to other
	 * runs.
	 */
	public static LocalStores forRunOnFreePorts(Path root, Set<String> names) {
		return create(root, names, true, (name) -> Ports.free(), Ports.free());
	}

	/**
	 * Tests: fresh data under {@code root}, free ports, memory where the store allows,
	 * durability traded for speed, no supervision.
	 */
	public static LocalStores forTests(Path root, Set<String> names) {
		return create(root, names, false, (name) -> Ports.free(), Ports.free());
	}

	private static LocalStores create(Path root, Set<String> names, boolean run, Function<String, Integer> port,
			int cassandraStoragePort) {
		boolean persistent = run;
		Map<String, LocalStore> stores = new LinkedHashMap<>();
		for (String name : ALL) {
			if (!names.contains(name)) {
				continue;
			}
			StoreOptions options = new StoreOptions(root.resolve(name), port.apply(name), timeout(name), persistent);
			stores.put(name, switch (name) {
				case "postgres" -> new PostgresStore(options);
				case "mongodb" -> new MongoStore(options, memory("mongodb.heap", MongoStore.DEFAULT_HEAP));
				case "redis" -> new RedisStore(options);
				case "cassandra" -> new CassandraStore(options, cassandraStoragePort);
				case "neo4j" -> new Neo4jStore(options, memory("neo4j.heap", Neo4jStore.DEFAULT_HEAP),
						memory("neo4j.page-cache", Neo4jStore.DEFAULT_PAGE_CACHE));
				default -> throw new IllegalArgumentException(name);
			});
		}
		for (String name : names) {
			if (!ALL.contains(name)) {
				throw new IllegalArgumentException("unknown store '" + name + "'; known: " + ALL);
			}
		}
		return new LocalStores(stores, run);
	}

	/**
	 * A memory size for a forked store from the system property
	 * {@code polyglot.local-stores.<key>}, else the default: the defaults fit the service
	 * and the tests; a benchmark at millions of rows needs more.
	 */
	private static String memory(String key, String defaultSize) {
		return System.getProperty("polyglot.local-stores." + key, defaultSize);
	}

	/** A view over stores that are already created (and maybe started) elsewhere. */
	static LocalStores of(Map<String, LocalStore> stores) {
		return new LocalStores(new LinkedHashMap<>(stores), false);
	}

	private static Duration timeout(String name) {
		return switch (name) {
			case "cassandra" -> Duration.ofSeconds(180);
			case "neo4j" -> Duration.ofSeconds(120);
			default -> Duration.ofSeconds(60);
		};
	}

	private static int envPort(String name, int fallback) {
		String value = System.getenv("POLYGLOT_" + name.toUpperCase(Locale.ROOT) + "_PORT");
		return (value != null && !value.isBlank()) ? Integer.parseInt(value.trim()) : fallback;
	}

	/**
	 * Starts every store at once and waits for all. If one fails, the others are stopped
	 * and the first failure is thrown, naming its store.
	 */
	public LocalStores start() {
		for (LocalStore store : this.stores.values()) {
			if (!store.isRunning() && Ports.isListening(store.host(), store.port())) {
				// most likely another run of this service: never take over or kill
				// its stores
				throw new LocalStoreException(store.name(),
						"port " + store.port() + " on " + store.host() + " is already in use (is another Polyglot run "
								+ "still up?); stop it, or move this store with POLYGLOT_"
								+ store.name().toUpperCase(Locale.ROOT) + "_PORT",
						List.of());
			}
		}
		synchronized (this) {
			this.stopRequested = false;
		}
		List<CompletableFuture<Void>> starts = new ArrayList<>();
		for (LocalStore store : this.stores.values()) {
			starts.add(CompletableFuture.runAsync(store::start));
		}
		try {
			CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
			if (this.supervised) {
				synchronized (this) {
					// a stop (Ctrl-C during the start) wins: nothing may be restarted
					// after it
					if (this.supervisor == null && !this.stopRequested && !StoreSupervisor.jvmIsShuttingDown()) {
						this.supervisor = new StoreSupervisor(this.stores.values());
					}
				}
			}
			return this;
		}
		catch (CompletionException ex) {
			stop();
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Stops supervision first (so nothing is restarted while the stores go down), then
	 * every store in parallel, and waits for all; safe to call twice.
	 */
	public void stop() {
		StoreSupervisor running;
		synchronized (this) {
			this.stopRequested = true;
			running = this.supervisor;
			this.supervisor = null;
		}
		if (running != null) {
			running.close();
		}
		List<CompletableFuture<Void>> stops = new ArrayList<>();
		for (LocalStore store : this.stores.values()) {
			stops.add(CompletableFuture.runAsync(store::stop));
		}
		CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * How many times the named store was restarted after its process died; 0 when not
	 * supervised.
	 */
	public synchronized int restarts(String store) {
		return (this.supervisor != null) ? this.supervisor.restarts(store) : 0;
	}

	/** Whether a store that dies is restarted (the local run's stores). */
	public boolean isSupervised() {
		return this.supervised;
	}

	/** The stores, by name, in {@link #ALL} order. */
	public Map<String, LocalStore> stores() {
		return this.stores;
	}

	public PostgresStore postgres() {
		return (PostgresStore) get("postgres");
	}

	public MongoStore mongodb() {
		return (MongoStore) get("mongodb");
	}

	public RedisStore redis() {
		return (RedisStore) get("redis");
	}

	public CassandraStore cassandra() {
		return (CassandraStore) get("cassandra");
	}

	public Neo4jStore neo4j() {
		return (Neo4jStore) get("neo4j");
	}

	private LocalStore get(String name) {
		LocalStore store = this.stores.get(name);
		if (store == null) {
			throw new IllegalStateException(name + " was not requested from these local stores");
		}
		return store;
	}

	/** A table for people: store, address, implementation, process. */
	public String describe() {
		StringBuilder table = new StringBuilder();
		for (LocalStore store : this.stores.values()) {
			table.append(String.format(Locale.ROOT, "  %-10s %s:%-6d %s%s%n", store.name(), store.host(), store.port(),
					store.implementation(),
					store.pid().isPresent() ? " (pid " + store.pid().getAsLong() + ")" : " (in-process)"));
		}
		return table.toString();
	}

}
