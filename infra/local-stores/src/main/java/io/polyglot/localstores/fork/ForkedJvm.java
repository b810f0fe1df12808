package io.polyglot.localstores.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Launches a store in its own JVM under {@link ParentWatchdog}, with its output appended
 * to a log file and its standard input held open by this process as the life line.
 */
public final class ForkedJvm {

	private final Path javaHome;

	private final List<String> jvmArgs;

	private final List<Path> classpath;

	private final String mainClass;

	private final List<String> args;

	private final Path workingDirectory;

	private final Path logFile;

	private ForkedJvm(Builder builder) {
		this.javaHome = Objects.requireNonNull(builder.javaHome, "javaHome");
		this.jvmArgs = List.copyOf(builder.jvmArgs);
		this.classpath = List.copyOf(builder.classpath);
		this.mainClass = Objects.requireNonNull(builder.mainClass, "mainClass");
		this.args = List.copyOf(builder.args);
		this.workingDirectory = Objects.requireNonNull(builder.workingDirectory, "workingDirectory");
		this.logFile = Objects.requireNonNull(builder.logFile, "logFile");
	}

	public static Builder builder() {
		return new Builder();
	}

	public Path logFile() {
		return this.logFile;
	}

	/**
	 * Starts the JVM. The options go through a {@code @argfile} so the process list stays
	 * readable with a 200-jar classpath.
	 */
	public Process start() {
		try {
			Files.createDirectories(this.workingDirectory);
			Files.createDirectories(this.logFile.getParent());
			List<String> options = new ArrayList<>(this.jvmArgs);
			options.add("-cp");
			options.add(NodeClasspath.join(this.classpath));
			Path argFile = this.logFile.resolveSibling(this.logFile.getFileName() + ".jvmargs");
			Files.write(argFile, options.stream().map(ForkedJvm::quoteIfNeeded).toList());
			List<String> command = new ArrayList<>();
			command.add(this.javaHome.resolve("bin").resolve("java").toString());
			command.add("@" + argFile);
			command.add(ParentWatchdog.class.getName());
			command.add(this.mainClass);
			command.addAll(this.args);
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.PIPE);
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + this.mainClass, ex);
		}
	}

	/**
	 * Stops the process politely (SIGTERM, so the store's shutdown hooks run), then
	 * forcibly after the grace period. Returns whether it exited on its own.
	 */
	public static boolean stop(Process process, long graceSeconds) {
		if (!process.isAlive()) {
			closeQuietly(process);
			return true;
		}
		// signal only: Process.destroy() would also close the child's stdin, and the
		// watchdog would then log "parent process gone" on every ordinary stop
		process.toHandle().destroy();
		try {
			if (process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
				return true;
			}
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return false;
		}
		finally {
			closeQuietly(process);
		}
	}

	private static void closeQuietly(Process process) {
		try {
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already closed: nothing to release
		}
	}

	private static String quoteIfNeeded(String option) {
		if (option.chars().anyMatch(Character::isWhitespace) || option.contains("\"")) {
			return "\"" + option.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		return option;
	}

	/** Options of a forked store JVM. */
	public static final class Builder {

		private Path javaHome = Path.of(System.getProperty("java.home"));

		private final List<String> jvmArgs = new ArrayList<>();

		private final List<Path> classpath = new ArrayList<>();

		private String mainClass;

		private final List<String> args = new ArrayList<>();

		private Path workingDirectory;

		private Path logFile;

		private Builder() {
		}

		/** The JDK to run; defaults to the one running this code. */
		public Builder javaHome(Path javaHome) {
			this.javaHome = javaHome;
			return this;
		}

		public Builder jvmArgs(List<String> jvmArgs) {
			this.jvmArgs.addAll(jvmArgs);
			return this;
		}

		public Builder jvmArg(String jvmArg) {
			this.jvmArgs.add(jvmArg);
			return this;
		}

		public Builder classpath(List<Path> classpath) {
			this.classpath.addAll(classpath);
			return this;
		}

		public Builder mainClass(String mainClass) {
			this.mainClass = mainClass;
			return this;
		}

		public Builder args(List<String> args) {
			this.args.addAll(args);
			return this;
		}

		public Builder workingDirectory(Path workingDirectory) {
			this.workingDirectory = workingDirectory;
			return this;
		}

		public Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		public ForkedJvm build() {
			return new ForkedJvm(this);
		}

	}

}
