package io.polyglot.localstores;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.polyglot.localstores.fork.ForkedJvm;
import io.polyglot.localstores.fork.NodeClasspath;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Cassandra 5.0 from {@code cassandra-all} on Maven Central, run as a single node
 * in a forked JDK 17 JVM whose configuration, data and log all live in the store's data
 * directory.
 */
public final class CassandraStore extends ProcessStore {

	private static final Logger logger = LoggerFactory.getLogger(CassandraStore.class);

	/** Data center of the single node, which drivers must name as their local one. */
	public static final String DATACENTER = "datacenter1";

	/**
	 * System property (or environment variable below) setting the node's maximum heap.
	 */
	static final String HEAP_PROPERTY = "polyglot.cassandra.heap";

	static final String HEAP_ENV = "POLYGLOT_CASSANDRA_HEAP";

	private static final String DEFAULT_HEAP = "1g";

	/**
	 * System property (or environment variable below) choosing the commit log mode:
	 * {@code periodic}, {@code batch} or {@code group}; see {@link #commitlogSync()}.
	 */
	static final String COMMITLOG_PROPERTY = "polyglot.cassandra.commitlog-sync";

	static final String COMMITLOG_ENV = "POLYGLOT_CASSANDRA_COMMITLOG_SYNC";

	/**
	 * The window of {@code group}: a write waits up to this for the next sync, so it is
	 * kept far below the request timeout.
	 */
	private static final String GROUP_WINDOW = "15ms";

	private static final long MIN_HEAP_BYTES = 512L * 1024 * 1024;

	private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

	/**
	 * Shipped by the cassandra-node module; Cassandra's jar has no logging configuration.
	 */
	private static final String LOGBACK_RESOURCE = "polyglot-cassandra-logback.xml";

	private static final String VERSION_RESOURCE = "org/apache/cassandra/config/version.properties";

	/** Directories Cassandra writes, all below the data directory, named in the yaml. */
	private static final List<String> STORAGE_DIRECTORIES = List.of("data", "commitlog", "saved_caches", "hints",
			"cdc_raw");

	/** A clean shutdown drains memtables; measured ~6 s, so this leaves ample room. */
	private static final long STOP_GRACE_SECONDS = 30;

	/**
	 * What Cassandra's own {@code conf/jvm17-server.options} opens: without these it dies
	 * at once ("unable to access required classes ... DirectBuffer.cleaner").
	 */
	private static final List<String> MODULE_FLAGS = List.of("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
			"--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
			"--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED", "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
			"--add-exports=java.sql/java.sql=ALL-UNNAMED", "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
			"--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
			"--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
			"--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
			"--add-opens=java.base/java.lang.module=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
			"--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
			"--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
			"--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
			"--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
			"--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED");

	private final int storagePort;

	/** The loopback address this node binds to: 127.0.0.1 alone, 127.0.0.x in a ring. */
	private final String address;

	/** The ring's seeds, or null for a single node (its own seed). */
	private final @Nullable String seeds;

	/** The node's own maximum heap (a ring node's), or null for {@link #heap()}. */
	private final @Nullable String maxHeap;

	/** Whether this store has been started before: only a first start wipes test data. */
	private boolean startedBefore;

	private volatile @Nullable String version;

	/**
	 * A node whose clients connect to {@code options.port()} (CQL native protocol) and
	 * whose gossip listens on {@code storagePort}; both on loopback.
	 */
	public CassandraStore(StoreOptions options, int storagePort) {
		this(options, storagePort, Ports.LOOPBACK, null, null);
	}

	/**
	 * A node of a ring (see {@link CassandraRing}): it binds to its own loopback address
	 * and joins the ring through the seeds ({@code host:storagePort,...}) without
	 * bootstrapping, as every node of a fresh ring starts together.
	 */
	CassandraStore(StoreOptions options, int storagePort, String address, @Nullable String seeds,
			@Nullable String maxHeap) {
		super(options);
		this.address = address;
		this.seeds = seeds;
		this.maxHeap = maxHeap;
		if (storagePort < 1 || storagePort > 65535 || storagePort == options.port()) {
			throw new IllegalArgumentException(
					"storage port must be 1..65535 and differ from the native port, was " + storagePort);
		}
		this.storagePort = storagePort;
	}

	@Override
	public String name() {
		return "cassandra";
	}

	@Override
	public String host() {
		return this.address;
	}

	@Override
	public synchronized void start() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				return;
			}
			stop(); // it crashed: release what the dead process held
		}
		Path log = this.options.logFile(name());
		Process started = null;
		try {
			// a leftover node would make this one die of a bind error buried in its log
			for (int port : new int[] { this.options.port(), this.storagePort }) {
				if (Ports.isListening(host(), port)) {
					throw new LocalStoreException(name(), "port " + port + " on " + host() + " is already in use",
							List.of());
				}
			}
			List<Path> classpath = NodeClasspath.of("cassandra-node");
			this.version = readVersion(classpath);
			Path javaHome = JavaHomes.forCassandra();
			Path yaml = prepareDirectories();
			started = ForkedJvm.builder()
				.javaHome(javaHome)
				.jvmArgs(jvmArgs(yaml))
				.classpath(classpath)
				.mainClass(MAIN_CLASS)
				.workingDirectory(this.options.dataDirectory())
				.logFile(log)
				.build()
				.start();
			this.process = started;
			this.startedBefore = true;
			awaitNativeTransport(started, log);
		}
		catch (LocalStoreException ex) {
			stopQuietly(started);
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			stopQuietly(started);
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	private void stopQuietly(@Nullable Process started) {
		this.process = null;
		if (started != null) {
			ForkedJvm.stop(started, STOP_GRACE_SECONDS);
		}
	}

	/**
	 * Cassandra opens the native port as the last step of its start, so a connection
	 * there means it accepts CQL.
	 */
	private void awaitNativeTransport(Process started, Path log) {
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		while (true) {
			if (!started.isAlive()) {
				throw new LocalStoreException(name(), "the Cassandra JVM exited with code " + started.exitValue(),
						LogTail.of(log, 30));
			}
			if (Ports.isListening(host(), port())) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new LocalStoreException(name(),
						"native port " + port() + " not open after " + this.options.startTimeout().toSeconds() + " s",
						LogTail.of(log, 30));
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LocalStoreException(name(), "interrupted while waiting for the native port",
						LogTail.of(log, 30));
			}
		}
	}

	/**
	 * Creates the directories and (re)writes the yaml: it is generated from the options
	 * every time, so a changed port takes effect while the data directories stay the
	 * same.
	 */
	private Path prepareDirectories() throws IOException {
		Path root = this.options.dataDirectory().toAbsolutePath();
		Files.createDirectories(root);
		for (String directory : STORAGE_DIRECTORIES) {
			Path path = root.resolve(directory);
			if (!this.options.persistent() && !this.startedBefore) {
				// tests expect an empty node; only directories named here are removed.
				// A restart of the same store keeps its data, as a real node's would:
				// an outage test stops and starts it and expects the events to still
				// be there
				Directories.deleteRecursively(path);
			}
			Files.createDirectories(path);
		}
		Path yaml = root.resolve("cassandra.yaml");
		Files.writeString(yaml, yaml(root), StandardCharsets.UTF_8);
		return yaml;
	}

	/** The smallest configuration measured to work for one node on loopback. */
	private String yaml(Path root) {
		return """
				# Generated by %s on every start: edits are lost.
				cluster_name: polyglot-local
				num_tokens: 16
				allocate_tokens_for_local_replication_factor: 1
				partitioner: org.apache.cassandra.dht.Murmur3Partitioner
				endpoint_snitch: SimpleSnitch
				seed_provider:
				  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
				    parameters:
				      - seeds: "%s"
				auto_bootstrap: %s
				listen_address: %s
				rpc_address: %s
				storage_port: %d
				native_transport_port: %d
				start_native_transport: true
				data_file_directories:
				  - %s
				commitlog_directory: %s
				saved_caches_directory: %s
				hints_directory: %s
				cdc_raw_directory: %s
				%s
				commitlog_segment_size: 32MiB
				memtable_heap_space: 64MiB
				memtable_offheap_space: 64MiB
				concurrent_reads: 8
				concurrent_writes: 8
				""".formatted(getClass().getName(), (this.seeds != null) ? this.seeds : host() + ":" + this.storagePort,
				this.seeds == null, host(), host(), this.storagePort, this.options.port(), quoted(root.resolve("data")),
				quoted(root.resolve("commitlog")), quoted(root.resolve("saved_caches")), quoted(root.resolve("hints")),
				quoted(root.resolve("cdc_raw")), commitlogSync());
	}

	/**
	 * How the commit log reaches the disk. Cassandra's default, {@code periodic},
	 * acknowledges a write once it is in the memory-mapped commit log, writes the sync
	 * markers every 100 ms and fsyncs every 10 s; replay stops at the last marker, so a
	 * {@code kill -9} loses up to ~100 ms of acknowledged writes and an OS crash up to 10
	 * s. The local run uses {@code batch}: a write is acknowledged only after the commit
	 * log holding it has been synced, and the sync thread takes every write waiting at
	 * that moment, so concurrent writers share one sync. Measured on event appends it
	 * gives 2-3x the throughput of {@code group} (whose writes always wait for its
	 * window) and costs 3.5-5x against {@code periodic} (docs/stores/cassandra.md). Tests
	 * keep {@code periodic}: their data is thrown away. {@link #COMMITLOG_PROPERTY}
	 * overrides both.
	 */
	private String commitlogSync() {
		String mode = commitlogMode(System.getProperty(COMMITLOG_PROPERTY, System.getenv(COMMITLOG_ENV)),
				this.options.persistent());
		return switch (mode) {
			case "batch" -> "commitlog_sync: batch";
			case "group" -> "commitlog_sync: group\ncommitlog_sync_group_window: " + GROUP_WINDOW;
			default -> "commitlog_sync: periodic\ncommitlog_sync_period: 10000ms";
		};
	}

	/**
	 * The commit log mode: the configured one ({@code periodic}, {@code batch} or
	 * {@code group}), else {@code batch} for persistent stores and {@code periodic} for
	 * tests.
	 */
	static String commitlogMode(@Nullable String configured, boolean persistent) {
		if (configured == null || configured.isBlank()) {
			return persistent ? "batch" : "periodic";
		}
		String mode = configured.trim().toLowerCase(Locale.ROOT);
		if (!List.of("periodic", "batch", "group").contains(mode)) {
			throw new IllegalArgumentException(
					COMMITLOG_PROPERTY + " must be periodic, batch or group, was '" + configured + "'");
		}
		return mode;
	}

	private static String quoted(Path path) {
		// single-quoted YAML scalars only need their quotes doubled
		return "'" + path.toString().replace("'", "''") + "'";
	}

	private List<String> jvmArgs(Path yaml) {
		String maxHeap = (this.maxHeap != null) ? this.maxHeap : heap();
		List<String> args = new ArrayList<>();
		args.add("-Xms" + (bytes(maxHeap) < MIN_HEAP_BYTES ? maxHeap : "512m"));
		args.add("-Xmx" + maxHeap);
		// after an OutOfMemoryError a node may hold half-applied writes: exit instead
		args.add("-XX:+ExitOnOutOfMemoryError");
		args.add("-Djava.net.preferIPv4Stack=true");
		args.add("-Djdk.attach.allowAttachSelf=true");
		args.add("-Dio.netty.tryReflectionSetAccessible=true");
		args.addAll(MODULE_FLAGS);
		args.add("-Dcassandra.config=" + yaml.toUri());
		args.add("-Dlogback.configurationFile=" + LOGBACK_RESOURCE);
		args.add("-Dcassandra.logdir=" + this.options.dataDirectory().toAbsolutePath());
		args.add("-Dcassandra.storagedir=" + this.options.dataDirectory().toAbsolutePath());
		// without it Cassandra closes stdout and stderr, and the log file loses them
		args.add("-Dcassandra-foreground=yes");
		// one node, nobody to gossip with: these cut a fresh start from ~38 s to ~6 s. A
		// node of a ring that is not a seed must hear from a seed within the ring delay
		// ("Unable to gossip with any peers"), which takes longer on a loaded machine
		boolean seed = this.seeds == null || this.seeds.contains(host() + ":");
		args.add("-Dcassandra.ring_delay_ms=" + (seed ? 1000 : 30000));
		args.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
		return args;
	}

	/** The maximum heap, e.g. {@code 1g} or {@code 768m}; 1 GB unless configured. */
	static String heap() {
		String configured = System.getProperty(HEAP_PROPERTY, System.getenv(HEAP_ENV));
		if (configured == null || configured.isBlank()) {
			return DEFAULT_HEAP;
		}
		String heap = configured.trim().toLowerCase(Locale.ROOT);
		if (!heap.matches("\\d+[kmg]?")) {
			throw new IllegalArgumentException(
					HEAP_PROPERTY + " must be a JVM memory size such as 1g or 768m, was " + configured);
		}
		return heap;
	}

	static long bytes(String size) {
		char unit = size.charAt(size.length() - 1);
		long factor = switch (unit) {
			case 'k' -> 1024L;
			case 'm' -> 1024L * 1024;
			case 'g' -> 1024L * 1024 * 1024;
			default -> 1L;
		};
		String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
		return Long.parseLong(digits) * factor;
	}

	/**
	 * The version of the {@code cassandra-all} jar the node runs, as Cassandra itself
	 * reports it (its {@code version.properties}), read without loading its classes here.
	 */
	private static String readVersion(List<Path> classpath) throws IOException {
		for (Path entry : classpath) {
			if (!entry.getFileName().toString().startsWith("cassandra-all") || !Files.isRegularFile(entry)) {
				continue;
			}
			try (ZipFile jar = new ZipFile(entry.toFile())) {
				ZipEntry properties = jar.getEntry(VERSION_RESOURCE);
				if (properties != null) {
					try (InputStream in = jar.getInputStream(properties)) {
						Properties loaded = new Properties();
						loaded.load(in);
						String version = loaded.getProperty("CassandraVersion");
						if (version != null) {
							return version.trim();
						}
					}
				}
			}
		}
		throw new IllegalStateException("no cassandra-all jar with " + VERSION_RESOURCE + " on the node classpath");
	}

	@Override
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null && !ForkedJvm.stop(running, STOP_GRACE_SECONDS)) {
			// it is gone all the same; the next start replays the commit log
			logger.warn("Cassandra (pid {}) did not stop within {} s of SIGTERM and was killed", running.pid(),
					STOP_GRACE_SECONDS);
		}
	}

	/** The node's data directory (data, commit log, hints, log). */
	Path dataDirectory() {
		return this.options.dataDirectory();
	}

	/** The node's log file. */
	Path logFile() {
		return this.options.logFile(name());
	}

	/** The gossip port of the node. */
	public int storagePort() {
		return this.storagePort;
	}

	@Override
	public String implementation() {
		String known = this.version;
		if (known == null) {
			try {
				known = readVersion(NodeClasspath.of("cassandra-node"));
				this.version = known;
			}
			catch (IOException | IllegalStateException ex) {
				// asked before a start on a machine without the node's jars
				return "Apache Cassandra";
			}
		}
		return "Apache Cassandra " + known;
	}

}
