package io.polyglot.localstores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.polyglot.localstores.fork.ForkedJvm;
import io.polyglot.localstores.fork.NodeClasspath;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j 5.26 community with Bolt on loopback, run by
 * {@code io.polyglot.neo4jnode.Neo4jNode} in a forked JVM because its Netty, Jackson and
 * logging clash with Spring Boot 4.
 */
public final class Neo4jStore extends ProcessStore {

	/** Heap of the forked JVM unless told otherwise; page cache is off-heap. */
	public static final String DEFAULT_HEAP = "512m";

	/** Neo4j page cache unless told otherwise; 256 MB was plenty for the local data. */
	public static final String DEFAULT_PAGE_CACHE = "256m";

	private static final Logger logger = LoggerFactory.getLogger(Neo4jStore.class);

	private static final String NODE = "neo4j-node";

	/** Named, not referenced: no Neo4j class may load in this JVM. */
	private static final String MAIN_CLASS = "io.polyglot.neo4jnode.Neo4jNode";

	/** Must match {@code Neo4jNode.READY_PREFIX}; the modules share no code. */
	private static final String READY_PREFIX = "[polyglot-neo4j] READY ";

	private static final String INITIAL_HEAP = "128m";

	/** A clean shutdown takes well under a second; this leaves room for a checkpoint. */
	private static final long STOP_GRACE_SECONDS = 20;

	private static final long POLL_MILLIS = 100;

	private final String heap;

	private final String pageCache;

	private String implementation = "Neo4j";

	public Neo4jStore(StoreOptions options) {
		this(options, DEFAULT_HEAP, DEFAULT_PAGE_CACHE);
	}

	/**
	 * A store with its own memory sizes, in the JVM's notation (e.g. {@code 1g},
	 * {@code 512m}).
	 */
	public Neo4jStore(StoreOptions options, String heap, String pageCache) {
		super(options);
		this.heap = memorySize("heap", heap);
		this.pageCache = memorySize("pageCache", pageCache);
	}

	private static long bytes(String size) {
		char unit = Character.toLowerCase(size.charAt(size.length() - 1));
		int shift = switch (unit) {
			case 'k' -> 10;
			case 'm' -> 20;
			case 'g' -> 30;
			default -> 0;
		};
		String digits = (shift > 0) ? size.substring(0, size.length() - 1) : size;
		return Long.parseLong(digits) << shift;
	}

	@Override
	public String name() {
		return "neo4j";
	}

	@Override
	public synchronized void start() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				return;
			}
			stop(); // it crashed: release what the dead process held
		}
		Path home = this.options.dataDirectory().toAbsolutePath();
		Path log = this.options.logFile(name()).toAbsolutePath();
		try {
			Files.createDirectories(home);
			// the log is appended to across restarts: only what this start writes counts
			long logStart = ReadyLine.end(log);
			ForkedJvm jvm = ForkedJvm.builder()
				.jvmArgs(jvmArgs())
				.classpath(NodeClasspath.of(NODE))
				.mainClass(MAIN_CLASS)
				.args(List.of(home.toString(), String.valueOf(this.options.port()), this.pageCache))
				.workingDirectory(home)
				.logFile(log)
				.build();
			Process started = jvm.start();
			this.process = started;
			this.implementation = awaitReady(started, log, logStart);
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	/**
	 * The options of Neo4j's own {@code neo4j.conf} that matter on JDK 17: without the
	 * {@code --add-opens} the page cache falls back to slower buffer handling.
	 */
	private List<String> jvmArgs() {
		List<String> args = new ArrayList<>();
		// Neo4j warns unless both are set; a small initial heap kept RSS ~120 MB lower
		// than -Xms equal to -Xmx, and a local store has no pause-time target
		args.add("-Xms" + Math.min(bytes(INITIAL_HEAP), bytes(this.heap)));
		args.add("-Xmx" + this.heap);
		args.add("-XX:+UseG1GC");
		args.add("-XX:+ExitOnOutOfMemoryError");
		args.add("-XX:-OmitStackTraceInFastThrow");
		args.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
		args.add("--add-opens=java.base/java.io=ALL-UNNAMED");
		args.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
		args.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
		args.add("-Dio.netty.tryReflectionSetAccessible=true");
		args.add("-Djdk.nio.maxCachedBufferSize=1024");
		args.add("-Dlog4j2.disable.jmx=true");
		args.add("-Dfile.encoding=UTF-8");
		return args;
	}

	/**
	 * Waits for the node's ready line (printed once the default database is available)
	 * and for Bolt to accept connections; returns what the node reported it runs.
	 */
	private String awaitReady(Process started, Path log, long logStart) throws IOException {
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		@Nullable String reported = null;
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IOException("the Neo4j JVM exited with code " + started.exitValue());
			}
			if (reported == null) {
				reported = ReadyLine.find(log, logStart, READY_PREFIX);
			}
			if (reported != null && Ports.isListening(host(), port())) {
				int bolt = reported.indexOf(" bolt://");
				return (bolt > 0) ? reported.substring(0, bolt) : reported;
			}
			sleep(POLL_MILLIS);
		}
		throw new IOException("Bolt not ready on " + host() + ":" + port() + " after "
				+ this.options.startTimeout().toSeconds() + " s");
	}

	@Override
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null && !ForkedJvm.stop(running, STOP_GRACE_SECONDS)) {
			logger.warn("Neo4j (pid {}) did not stop within {} s and was killed", running.pid(), STOP_GRACE_SECONDS);
		}
	}

	/** The URI the official driver connects to, e.g. {@code bolt://127.0.0.1:7697}. */
	public String boltUri() {
		return "bolt://" + host() + ":" + port();
	}

	@Override
	public String implementation() {
		return this.implementation;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for Neo4j", ex);
		}
	}

}
