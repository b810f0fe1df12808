package io.polyglot.localstores;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A Redis Cluster of masters only (no replicas) on loopback, for tests that must prove
 * the keys are cluster-safe: N {@code redis-server} processes in cluster mode, the 16384
 * slots split evenly with {@code CLUSTER ADDSLOTS} and the nodes joined with
 * {@code CLUSTER MEET}, all sent from here (no {@code redis-cli} is needed).
 * <p>
 * Every node needs two free ports, its client port and the cluster bus on client port +
 * 10000, so the client ports are picked below 55536.
 */
public final class RedisClusterStore implements LocalStore {

	private static final int SLOTS = 16384;

	private final Path dataDirectory;

	private final int masters;

	private final java.time.Duration startTimeout;

	private final List<Integer> ports = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	private final List<NativeReaper> reapers = new ArrayList<>();

	private String implementation = "Redis Cluster";

	public RedisClusterStore(Path dataDirectory, int masters, java.time.Duration startTimeout) {
		if (masters < 3) {
			throw new IllegalArgumentException("Redis Cluster needs at least 3 masters, was " + masters);
		}
		this.dataDirectory = dataDirectory;
		this.masters = masters;
		this.startTimeout = startTimeout;
	}

	@Override
	public String name() {
		return "redis-cluster";
	}

	@Override
	public synchronized void start() {
		if (!this.processes.isEmpty()) {
			return;
		}
		Path log = this.dataDirectory.resolve(name() + ".log");
		try {
			Files.createDirectories(this.dataDirectory);
			Path executable = RedisStore.executable();
			for (int i = 0; i < this.masters; i++) {
				int port = freeClusterPort();
				Path dir = Files.createDirectories(this.dataDirectory.resolve("node-" + port));
				Process started = new ProcessBuilder(List.of(executable.toString(), "--port", String.valueOf(port),
						"--bind", Ports.LOOPBACK, "--protected-mode", "yes", "--dir", dir.toString(), "--daemonize",
						"no", "--appendonly", "no", "--save", "", "--cluster-enabled", "yes", "--cluster-config-file",
						"nodes.conf", "--cluster-node-timeout", "2000"))
					.directory(dir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
					.start();
				this.ports.add(port);
				this.processes.add(started);
				this.reapers.add(NativeReaper.watch(started.pid(), "TERM"));
			}
			long deadline = System.nanoTime() + this.startTimeout.toNanos();
			String version = "";
			for (int port : this.ports) {
				version = awaitVersion(port, deadline);
			}
			int first = this.ports.get(0);
			for (int i = 0; i < this.masters; i++) {
				int from = SLOTS * i / this.masters;
				int to = SLOTS * (i + 1) / this.masters;
				List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
				for (int slot = from; slot < to; slot++) {
					command.add(Integer.toString(slot));
				}
				expectOk(this.ports.get(i), command);
			}
			for (int port : this.ports.subList(1, this.ports.size())) {
				expectOk(first, List.of("CLUSTER", "MEET", Ports.LOOPBACK, Integer.toString(port)));
			}
			for (int port : this.ports) {
				awaitClusterOk(port, deadline);
			}
			this.implementation = "Redis " + version + " cluster of " + this.masters + " masters";
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	/** The nodes as {@code host:port}, for {@code spring.data.redis.cluster.nodes}. */
	public synchronized List<String> nodes() {
		return this.ports.stream().map((port) -> Ports.LOOPBACK + ":" + port).toList();
	}

	@Override
	public synchronized void stop() {
		for (Process running : this.processes) {
			running.destroy();
		}
		for (Process running : this.processes) {
			try {
				if (!running.waitFor(15, TimeUnit.SECONDS)) {
					running.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.destroyForcibly();
			}
		}
		this.reapers.forEach(NativeReaper::release);
		this.reapers.clear();
		this.processes.clear();
		this.ports.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.processes.isEmpty() && this.processes.stream().allMatch(Process::isAlive);
	}

	@Override
	public synchronized int port() {
		if (this.ports.isEmpty()) {
			throw new IllegalStateException("the cluster is not running");
		}
		return this.ports.get(0);
	}

	@Override
	public String implementation() {
		return this.implementation;
	}

	@Override
	public synchronized OptionalLong pid() {
		return this.processes.isEmpty() ? OptionalLong.empty() : OptionalLong.of(this.processes.get(0).pid());
	}

	private static int freeClusterPort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = Ports.free();
			if (port + 10000 <= 65535 && !Ports.isListening(Ports.LOOPBACK, port + 10000)) {
				return port;
			}
		}
		throw new IllegalStateException("no free pair of loopback ports (client and client + 10000)");
	}

	private static String awaitVersion(int port, long deadline) throws IOException {
		while (System.nanoTime() < deadline) {
			String info = send(port, List.of("INFO", "server"));
			if (info != null) {
				for (String line : info.split("\r\n")) {
					if (line.startsWith("redis_version:")) {
						return line.substring("redis_version:".length());
					}
				}
			}
			sleep(50);
		}
		throw new IOException("node on port " + port + " not ready in time");
	}

	private static void awaitClusterOk(int port, long deadline) throws IOException {
		while (System.nanoTime() < deadline) {
			String info = send(port, List.of("CLUSTER", "INFO"));
			if (info != null && info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:" + SLOTS)) {
				return;
			}
			sleep(100);
		}
		throw new IOException("cluster state not ok on port " + port + " in time");
	}

	private static void expectOk(int port, List<String> command) throws IOException {
		String reply = send(port, command);
		if (reply == null || !reply.startsWith("+OK")) {
			throw new IOException(command.get(0) + " " + command.get(1) + " on port " + port + " answered " + reply);
		}
	}

	/**
	 * Sends one command in RESP (an inline command could not carry ~5,000 slot numbers)
	 * and answers the raw reply, or null when nothing listens.
	 */
	private static @Nullable String send(int port, List<String> command) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 250);
			socket.setSoTimeout(2000);
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (String part : command) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
				request.writeBytes(bytes);
				request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[16 * 1024];
			int read = in.read(buffer);
			return (read > 0) ? new String(buffer, 0, read, StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
