package io.polyglot.neo4jnode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Entry point of the forked local Neo4j JVM: one community DBMS with Bolt on loopback
 * only, no HTTP and no authentication.
 *
 * <p>
 * Usage: {@code Neo4jNode <home> <bolt port> <page cache, e.g. 256m>}. Once Bolt accepts
 * clients it prints a ready line naming the running product and version on standard
 * output, which the parent waits for; it then blocks until the JVM is told to exit
 * (SIGTERM, or the parent's watchdog), when a shutdown hook stops the DBMS cleanly.
 */
public final class Neo4jNode {

	/**
	 * Printed once the default database is available; must match the prefix the parent's
	 * {@code Neo4jStore} looks for (the two modules share no code on purpose).
	 */
	static final String READY_PREFIX = "[polyglot-neo4j] READY ";

	private static final String LOOPBACK = "127.0.0.1";

	private static final long AVAILABLE_TIMEOUT_MINUTES = 5;

	private Neo4jNode() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length != 3) {
			System.err.println("usage: Neo4jNode <home> <bolt port> <page cache, e.g. 256m>");
			System.exit(2);
		}
		Path home = Path.of(args[0]).toAbsolutePath();
		int port = Integer.parseInt(args[1]);
		long pageCache = ByteUnit.parse(args[2]);
		DatabaseManagementService dbms;
		try {
			dbms = start(home, port, pageCache);
		}
		catch (RuntimeException ex) {
			// Neo4j leaves non-daemon threads behind when start fails: exit explicitly so
			// the parent sees the failure at once instead of waiting for its timeout
			ex.printStackTrace();
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(dbms), "polyglot-neo4j-shutdown"));
		System.out.println(READY_PREFIX + describe(dbms) + " bolt://" + LOOPBACK + ":" + port);
		System.out.flush();
		// Neo4j's own threads would keep the JVM alive too, but this does not depend
		// on it
		new CountDownLatch(1).await();
	}

	private static DatabaseManagementService start(Path home, int port, long pageCache) {
		Log4jLogProvider userLog = new Log4jLogProvider(System.out);
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home).setUserLogProvider(userLog)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
			.setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// loopback only, and the local run has no secrets to protect
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
			// a developer's local store must not phone home
			.setConfig(GraphDatabaseSettings.udc_enabled, false)
			// preallocation reserved 256 MB per transaction log on disk in every (test)
			// data directory; this store is small and loopback-only
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			// Netty's default two-second quiet period per event loop made shutdown take
			// ~12 s
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
			.build();
		GraphDatabaseService database = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		if (!database.isAvailable(TimeUnit.MINUTES.toMillis(AVAILABLE_TIMEOUT_MINUTES))) {
			dbms.shutdown();
			throw new IllegalStateException("database " + database.databaseName() + " did not become available");
		}
		return dbms;
	}

	/**
	 * What the DBMS says it is, e.g. {@code Neo4j 5.26.30 community}, read from
	 * {@code dbms.components()} rather than assumed from the build.
	 */
	private static String describe(DatabaseManagementService dbms) {
		GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		return system.executeTransactionally(
				"CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition", Map.of(),
				(result) -> {
					Map<String, Object> row = result.next();
					List<?> versions = (List<?>) row.get("versions");
					String name = String.valueOf(row.get("name")).replace(" Kernel", "");
					return name + " " + versions.get(0) + " " + row.get("edition");
				});
	}

	private static void shutdown(DatabaseManagementService dbms) {
		System.out.println("[polyglot-neo4j] stopping");
		System.out.flush();
		dbms.shutdown();
		System.out.println("[polyglot-neo4j] stopped");
		System.out.flush();
	}

}
