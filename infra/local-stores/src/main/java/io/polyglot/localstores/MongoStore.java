package io.polyglot.localstores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.polyglot.localstores.fork.ForkedJvm;
import io.polyglot.localstores.fork.NodeClasspath;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) run by
 * {@code io.polyglot.mongodbnode.MongoNode} in a forked JVM, like Cassandra and Neo4j: a
 * crash of the service cannot take acknowledged catalog writes with it, and the server's
 * Netty 4.2 and H2 stay off the service's classpath. No genuine mongod is obtainable
 * here; this speaks the protocol well enough for the catalog, and the catalog stays
 * portable to real MongoDB (docker compose, Testcontainers profile).
 *
 * <p>
 * Persistent mode (the local run) keeps data in an H2 MVStore file that is committed and
 * forced to disk before each write is acknowledged ({@value #DURABILITY_ENV} =
 * {@code commit} skips the fsync: survives {@code kill -9}, not power loss). Test mode
 * keeps data in the node's memory.
 */
public final class MongoStore extends ProcessStore {

	/** Heap of the forked stand-in unless told otherwise: it holds every document. */
	public static final String DEFAULT_HEAP = "1g";

	/**
	 * Environment variable choosing the local run's per-write durability: {@code fsync}
	 * (default) or {@code commit}.
	 */
	public static final String DURABILITY_ENV = "POLYGLOT_MONGODB_DURABILITY";

	private static final Logger logger = LoggerFactory.getLogger(MongoStore.class);

	private static final String NODE = "mongodb-node";

	/** Named, not referenced: no mongo-java-server class may load in this JVM. */
	private static final String MAIN_CLASS = "io.polyglot.mongodbnode.MongoNode";

	/** Must match {@code MongoNode.READY_PREFIX}; the modules share no code. */
	private static final String READY_PREFIX = "[polyglot-mongodb] READY ";

	/** Data file of the H2 backend, inside the data directory. */
	static final String DATA_FILE = "catalog.mv";

	private static final long STOP_GRACE_SECONDS = 15;

	private String implementation = "mongo-java-server";

	private final String heapSize;

	public MongoStore(StoreOptions options) {
		this(options, DEFAULT_HEAP);
	}

	/** A store with its own heap, in the JVM's notation (e.g. {@code 4g}). */
	public MongoStore(StoreOptions options, String heap) {
		super(options);
		this.heapSize = memorySize("heap", heap);
	}

	@Override
	public String name() {
		return "mongodb";
	}

	@Override
	public synchronized void start() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				return;
			}
			stop(); // it crashed: release what the dead process held
		}
		Path dir = this.options.dataDirectory().toAbsolutePath();
		Path log = this.options.logFile(name()).toAbsolutePath();
		try {
			Files.createDirectories(dir);
			long logStart = ReadyLine.end(log);
			Process started = ForkedJvm.builder()
				.jvmArgs(jvmArgs())
				.classpath(NodeClasspath.of(NODE))
				.mainClass(MAIN_CLASS)
				.args(nodeArgs(dir))
				.workingDirectory(dir)
				.logFile(log)
				.build()
				.start();
			this.process = started;
			this.implementation = awaitReady(started, log, logStart);
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	private List<String> jvmArgs() {
		List<String> args = new ArrayList<>(List.of("-Xms32m", "-Xmx" + this.heapSize, "-XX:+ExitOnOutOfMemoryError",
				"-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
				// one line per client connection otherwise
				"-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire=warn"));
		if (!this.options.persistent()) {
			// test stores hold little data: a quicker start beats peak speed on a busy CI
			// box
			args.add("-XX:TieredStopAtLevel=1");
		}
		return args;
	}

	private List<String> nodeArgs(Path dir) {
		String port = String.valueOf(this.options.port());
		if (!this.options.persistent()) {
			return List.of(port, "memory");
		}
		return List.of(port, durability(), dir.resolve(DATA_FILE).toString());
	}

	/** The local run's per-write durability: {@code fsync} unless configured. */
	static String durability() {
		String configured = System.getenv(DURABILITY_ENV);
		if (configured == null || configured.isBlank()) {
			return "fsync";
		}
		String value = configured.trim().toLowerCase(Locale.ROOT);
		if (!List.of("fsync", "commit").contains(value)) {
			throw new IllegalArgumentException(DURABILITY_ENV + " must be fsync or commit, was " + configured);
		}
		return value;
	}

	private String awaitReady(Process started, Path log, long logStart) throws IOException {
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		@Nullable String reported = null;
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IOException("the MongoDB wire server JVM exited with code " + started.exitValue());
			}
			if (reported == null) {
				reported = ReadyLine.find(log, logStart, READY_PREFIX);
			}
			if (reported != null && Ports.isListening(host(), port())) {
				int uri = reported.indexOf(" mongodb://");
				return (uri > 0) ? reported.substring(0, uri) : reported;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for the MongoDB wire server", ex);
			}
		}
		throw new IOException("not listening on " + host() + ":" + port() + " after "
				+ this.options.startTimeout().toSeconds() + " s");
	}

	@Override
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null && !ForkedJvm.stop(running, STOP_GRACE_SECONDS)) {
			logger.warn("MongoDB wire server (pid {}) did not stop within {} s and was killed", running.pid(),
					STOP_GRACE_SECONDS);
		}
	}

	/** Connection string for the MongoDB driver. */
	public String connectionString() {
		return "mongodb://" + host() + ":" + port();
	}

	@Override
	public String implementation() {
		return this.implementation;
	}

}
