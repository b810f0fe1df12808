package io.polyglot.localstores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An N-node Cassandra ring on loopback: node i binds to {@code 127.0.0.i} with the same
 * native and storage ports as the others (Linux routes all of 127/8 to loopback, so no
 * setup is needed). The first two nodes are the seeds; no node bootstraps (a fresh ring
 * has no data to stream). The seeds start together, then the others (a non-seed that
 * hears from no seed within its ring delay gives up): ~90 s for three nodes on a loaded
 * 2-core machine. Each node is a forked JVM of ~1 GB.
 */
public final class CassandraRing implements AutoCloseable {

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

	private final List<CassandraStore> nodes;

	private final int nativePort;

	private CassandraRing(List<CassandraStore> nodes, int nativePort) {
		this.nodes = nodes;
		this.nativePort = nativePort;
	}

	/** Starts the ring and returns once every node accepts CQL. */
	public static CassandraRing start(Path root, int size, Duration startTimeout) {
		if (size < 1 || size > 9) {
			throw new IllegalArgumentException("a local ring has 1 to 9 nodes, not " + size);
		}
		int nativePort = freeOnAll(size, -1);
		int storagePort = freeOnAll(size, nativePort);
		String seeds = addresses(Math.min(size, 2)).stream()
			.map((address) -> address + ":" + storagePort)
			.collect(Collectors.joining(","));
		List<CassandraStore> nodes = new ArrayList<>();
		for (String address : addresses(size)) {
			StoreOptions options = new StoreOptions(root.resolve("cassandra-" + address), nativePort, startTimeout,
					false);
			nodes.add(new CassandraStore(options, storagePort, address, seeds, ringHeap()));
		}
		CassandraRing ring = new CassandraRing(nodes, nativePort);
		ExecutorService starter = Executors.newFixedThreadPool(size);
		try {
			// the seeds first, together, then the others, which must find a seed up
			int seedCount = Math.min(size, 2);
			for (List<CassandraStore> group : List.of(nodes.subList(0, seedCount), nodes.subList(seedCount, size))) {
				List<Future<?>> starts = new ArrayList<>();
				for (CassandraStore node : group) {
					starts.add(starter.submit(node::start));
				}
				for (Future<?> start : starts) {
					start.get(startTimeout.toSeconds() + 30, TimeUnit.SECONDS);
				}
			}
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			ring.close();
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			if (cause instanceof LocalStoreException local) {
				throw local;
			}
			throw new IllegalStateException("the Cassandra ring did not start: " + cause, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			ring.close();
			throw new IllegalStateException("interrupted while starting the Cassandra ring", ex);
		}
		finally {
			starter.shutdownNow();
		}
		return ring;
	}

	/** The nodes, in address order. */
	public List<CassandraStore> nodes() {
		return List.copyOf(this.nodes);
	}

	/**
	 * The contact points as {@code host:port,...}, for
	 * {@code spring.cassandra.contact-points}.
	 */
	public String contactPoints() {
		return this.nodes.stream().map((node) -> node.host() + ":" + this.nativePort).collect(Collectors.joining(","));
	}

	/**
	 * Kills node i (0-based) with SIGKILL, as a crash would, and waits until it is gone.
	 */
	public void kill(int index) {
		CassandraStore node = this.nodes.get(index);
		node.pid().ifPresent((pid) -> ProcessHandle.of(pid).ifPresent((process) -> {
			process.destroyForcibly();
			process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
		}));
	}

	/**
	 * When node {@code observer}'s gossip, according to its log, last marked node
	 * {@code subject} {@code DOWN} or {@code UP} (the ring's own failure detector, not a
	 * client's view), if it did at or after {@code since}.
	 */
	public Optional<Instant> gossipMarked(int observer, int subject, String state, Instant since) {
		String needle = "InetAddress /" + this.nodes.get(subject).host() + ":";
		String suffix = " is now " + state;
		Optional<Instant> last = Optional.empty();
		try {
			for (String line : Files.readAllLines(this.nodes.get(observer).logFile(), StandardCharsets.UTF_8)) {
				if (line.contains(needle) && line.endsWith(suffix) && line.length() > 23) {
					// "2026-12-02 00:46:36,110 INFO ..." in the machine's time zone
					Instant at = LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
						.atZone(ZoneId.systemDefault())
						.toInstant();
					if (!at.isBefore(since.truncatedTo(ChronoUnit.MILLIS))) {
						last = Optional.of(at);
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
		return last;
	}

	/**
	 * How many hint files node i holds (hints for a dead replica, written to disk every
	 * 10 s and deleted once replayed to it).
	 */
	public long hintFiles(int index) {
		Path hints = this.nodes.get(index).dataDirectory().resolve("hints");
		if (!Files.isDirectory(hints)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(hints)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".hints")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts node i again on its data (commit log replay, then it rejoins the ring). */
	public void restart(int index) {
		this.nodes.get(index).start();
	}

	@Override
	public void close() {
		for (CassandraStore node : this.nodes) {
			try {
				node.stop();
			}
			catch (RuntimeException ex) {
				// stop the others all the same
			}
		}
	}

	/**
	 * A ring node's maximum heap: {@code polyglot.cassandra.ring-heap} (or
	 * {@code POLYGLOT_CASSANDRA_RING_HEAP}), 512 MB unless set, half a single node's, so
	 * three nodes fit a shared build machine next to the other stores.
	 */
	static String ringHeap() {
		String configured = System.getProperty("polyglot.cassandra.ring-heap",
				System.getenv("POLYGLOT_CASSANDRA_RING_HEAP"));
		if (configured == null || configured.isBlank()) {
			return "512m";
		}
		String heap = configured.trim().toLowerCase(java.util.Locale.ROOT);
		if (!heap.matches("\\d+[kmg]?")) {
			throw new IllegalArgumentException(
					"polyglot.cassandra.ring-heap must be a JVM memory size such as 512m, was " + configured);
		}
		return heap;
	}

	private static List<String> addresses(int size) {
		List<String> addresses = new ArrayList<>();
		for (int i = 1; i <= size; i++) {
			addresses.add("127.0.0." + i);
		}
		return addresses;
	}

	/** A port free on 127.0.0.1 (checked free on the other addresses too). */
	private static int freeOnAll(int size, int other) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = Ports.free();
			boolean free = port != other;
			for (String address : addresses(size)) {
				free = free && !Ports.isListening(address, port);
			}
			if (free) {
				return port;
			}
		}
		throw new IllegalStateException("no port free on all ring addresses");
	}

}
