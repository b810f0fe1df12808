package io.polyglot.localstores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stores of one test JVM: each is started on first request and then reused by every
 * test class in that JVM, and all are stopped (and their temp data deleted) when the JVM
 * exits.
 */
public final class SharedTestStores {

	private static final Map<String, LocalStore> STARTED = new HashMap<>();

	private static Path root;

	private static RedisClusterStore redisCluster;

	private SharedTestStores() {
	}

	/**
	 * Starts the named stores that are not running yet (in parallel) and returns all of
	 * them.
	 */
	public static synchronized LocalStores get(String... names) {
		Set<String> missing = new LinkedHashSet<>(List.of(names));
		missing.removeAll(STARTED.keySet());
		if (!missing.isEmpty()) {
			LocalStores fresh = LocalStores.forTests(root(), missing).start();
			STARTED.putAll(fresh.stores());
		}
		return view(names);
	}

	/**
	 * A 3-master Redis Cluster (not one of the five stores: only the cluster-safety tests
	 * use it), started on first request.
	 */
	public static synchronized RedisClusterStore redisCluster() {
		if (redisCluster == null) {
			RedisClusterStore cluster = new RedisClusterStore(root().resolve("redis-cluster"), 3,
					java.time.Duration.ofSeconds(60));
			cluster.start();
			redisCluster = cluster;
		}
		return redisCluster;
	}

	/** All five stores. */
	public static LocalStores all() {
		return get(LocalStores.ALL.toArray(String[]::new));
	}

	private static LocalStores view(String... names) {
		Map<String, LocalStore> selected = new LinkedHashMap<>();
		for (String name : LocalStores.ALL) {
			if (List.of(names).contains(name)) {
				selected.put(name, STARTED.get(name));
			}
		}
		return LocalStores.of(selected);
	}

	private static Path root() {
		if (root == null) {
			try {
				root = Files.createTempDirectory("polyglot-test-stores-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(SharedTestStores::stopAll, "polyglot-test-stores-stop"));
		}
		return root;
	}

	private static synchronized void stopAll() {
		LocalStores.of(new LinkedHashMap<>(STARTED)).stop();
		STARTED.clear();
		if (redisCluster != null) {
			redisCluster.stop();
			redisCluster = null;
		}
		try {
			Directories.deleteRecursively(root);
		}
		catch (IOException ex) {
			// temp data of a finished test JVM: the OS cleans it up eventually
		}
	}

}
