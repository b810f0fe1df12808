package io.polyglot.localstores;

import java.io.File;
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
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * Redis: the system {@code redis-server} when one is on the PATH, else the binary bundled
 * in embedded-redis (6.2). Launched directly so its pid, config and log are ours.
 */
public final class RedisStore extends ProcessStore {

	private @Nullable NativeReaper reaper;

	private String implementation = "Redis";

	public RedisStore(StoreOptions options) {
		super(options);
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public synchronized void start() {
		if (this.process != null) {
			if (this.process.isAlive()) {
				return;
			}
			stop(); // it crashed: release what the dead process held
		}
		Path dir = this.options.dataDirectory();
		Path log = this.options.logFile(name());
		try {
			Files.createDirectories(dir);
			Executable executable = findExecutable();
			Process started = new ProcessBuilder(command(executable.path(), dir, log)).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			this.process = started;
			this.reaper = NativeReaper.watch(started.pid(), "TERM");
			String version = awaitReady(started);
			this.implementation = "Redis " + version + " (" + executable.origin() + ")";
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	private List<String> command(Path executable, Path dir, Path log) {
		List<String> command = new ArrayList<>(List.of(executable.toString(), "--port",
				String.valueOf(this.options.port()), "--bind", Ports.LOOPBACK, "--protected-mode", "yes", "--dir",
				dir.toString(), "--logfile", log.toString(), "--daemonize", "no"));
		if (this.options.persistent()) {
			// the local run keeps sessions across restarts: append-only file, fsync
			// every second
			command.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec"));
		}
		else {
			command.addAll(List.of("--appendonly", "no", "--save", ""));
		}
		return command;
	}

	private String awaitReady(Process started) throws IOException {
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IOException("redis-server exited with code " + started.exitValue());
			}
			String info = query("INFO server");
			if (info != null) {
				for (String line : info.split("\r\n")) {
					if (line.startsWith("redis_version:")) {
						return line.substring("redis_version:".length());
					}
				}
			}
			sleep(50);
		}
		throw new IOException("not ready after " + this.options.startTimeout().toSeconds() + " s");
	}

	/**
	 * Sends one inline command and returns the raw reply, or null when nothing listens.
	 */
	private @Nullable String query(String inlineCommand) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(Ports.LOOPBACK, this.options.port()), 250);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.US_ASCII));
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

	/** The redis-server this class would launch, for {@link RedisClusterStore}. */
	static Path executable() throws IOException {
		return findExecutable().path();
	}

	private static Executable findExecutable() throws IOException {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
			if (Files.isExecutable(candidate)) {
				return new Executable(candidate, "system redis-server");
			}
		}
		File bundled = ExecutableProvider.newJarResourceProvider().get();
		if (!bundled.canExecute() && !bundled.setExecutable(true)) {
			throw new IOException("cannot make " + bundled + " executable");
		}
		return new Executable(bundled.toPath(), "embedded-redis binary");
	}

	@Override
	public synchronized void stop() {
		Process running = this.process;
		this.process = null;
		if (running != null && running.isAlive()) {
			running.destroy(); // SIGTERM: Redis flushes the append-only file and exits
			try {
				if (!running.waitFor(15, TimeUnit.SECONDS)) {
					running.destroyForcibly();
					running.waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.destroyForcibly();
			}
		}
		if (this.reaper != null) {
			this.reaper.release();
			this.reaper = null;
		}
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
		}
	}

	private record Executable(Path path, String origin) {
	}

}
