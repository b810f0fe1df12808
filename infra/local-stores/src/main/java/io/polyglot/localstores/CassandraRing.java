package io.polyglot.localstores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * An N-node Cassandra ring on loopback: node i binds to {@code 127.0.0.i} with the same
 * native and storage ports as the others (Linux routes all of 127/8 to loopback, so no
 * setup is needed). The first two nodes are the seeds; every node starts at once without
 * bootstrapping (a fresh ring has no data to stream), which the shared notes measured at
 * ~28 s for three nodes on a 2-core machine. Each node is a forked JVM of ~1 GB.
 */
public final class CassandraRing implements AutoCloseable {

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
			nodes.add(new CassandraStore(options, storagePort, address, seeds));
		}
		CassandraRing ring = new CassandraRing(nodes, nativePort);
		ExecutorService starter = Executors.newFixedThreadPool(size);
		try {
			List<Future<?>> starts = new ArrayList<>();
			for (CassandraStore node : nodes) {
				starts.add(starter.submit(node::start));
			}
			for (Future<?> start : starts) {
				start.get(startTimeout.toSeconds() + 30, TimeUnit.SECONDS);
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
