package io.polyglot.localstores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.polyglot.localstores.support.LateStopHost;
import io.polyglot.localstores.support.StallTolerantDeadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Ctrl-C of a local run signals the whole process group: the stores' processes exit at
 * the same moment as their parent JVM. The supervisor must take that for a shutdown, not
 * a crash: a store it restarted then was left running with no owner. Each test starts the
 * supervised run stores in a parent JVM of its own (one native store with a reaper, one
 * forked store JVM and PostgreSQL, whose restart leaked), signals the parent and every
 * process under it at once, as a terminal does, and checks that nothing is left: no
 * process under the data directory, none of the processes seen before, no store port
 * listening.
 */
class LocalStoresShutdownIT {

	private static final List<String> STORES = List.of("postgres", "redis", "mongodb");

	/**
	 * Generous bounds for this busy machine, not targets; counted so that a stall of the
	 * whole machine does not use them up.
	 */
	private static final Duration START = Duration.ofSeconds(180);

	private static final Duration EXIT = Duration.ofSeconds(120);

	private Path root;

	private final List<Process> parents = new CopyOnWriteArrayList<>();

	@BeforeEach
	void dataDirectory() throws IOException {
		this.root = Files.createTempDirectory("polyglot-shutdown-");
	}

	@AfterEach
	void cleanUp() throws IOException {
		// a failed test must not leave its stores to the next one
		for (Process parent : this.parents) {
			parent.descendants().forEach(ProcessHandle::destroyForcibly);
			parent.destroyForcibly();
		}
		leftovers().forEach(ProcessHandle::destroyForcibly);
		Directories.deleteRecursively(this.root);
	}

	@Test
	void ctrlCOfTheCommandLineLeavesNoStoreProcess() throws Exception {
		Map<String, Integer> ports = new LinkedHashMap<>();
		STORES.forEach((name) -> ports.put(name, Ports.free()));
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				LocalStoresCli.class.getName(), "--data", this.root.toString()));
		command.addAll(STORES);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		ports.forEach((name, port) -> builder.environment().put("POLYGLOT_" + name.toUpperCase() + "_PORT", "" + port));
		Output output = start(builder, "Local stores are up");

		signalTheGroup("INT", "TERM", output);

		assertNothingIsLeft(output, ports);
	}

	@Test
	void sigtermOfAParentThatStopsTheStoresLateLeavesNoStoreProcess() throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
				LateStopHost.class.getName(), this.root.toString(), "3000"));
		command.addAll(STORES);
		Output output = start(new ProcessBuilder(command).redirectErrorStream(true), LateStopHost.READY);
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String line : output.lines()) {
			if (line.startsWith(LateStopHost.PORT_PREFIX)) {
				String[] parts = line.substring(LateStopHost.PORT_PREFIX.length()).trim().split(" ");
				ports.put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		assertThat(ports.keySet()).containsExactlyInAnyOrderElementsOf(STORES);

		signalTheGroup("TERM", "TERM", output);

		assertNothingIsLeft(output, ports);
	}

	private Output start(ProcessBuilder builder, String ready) throws Exception {
		Process parent = builder.start();
		this.parents.add(parent);
		Output output = new Output(parent);
		StallTolerantDeadline deadline = StallTolerantDeadline.after(START);
		while (output.lines().stream().noneMatch((line) -> line.contains(ready))) {
			if (!parent.isAlive()) {
				fail("the parent exited before the stores were up:%n%s%n%s", output, storeLogs());
			}
			if (deadline.expired()) {
				fail("stores not up within %d s:%n%s%n%s", START.toSeconds(), output, storeLogs());
			}
			Thread.sleep(100);
		}
		return output;
	}

	/**
	 * What a terminal does on Ctrl-C (or a service manager on stop): a signal to the
	 * parent and every process under it at the same moment. A JVM started in the
	 * background (as this test's, by Maven) inherits an ignored SIGINT and would never
	 * shut down, so the parent gets {@code parentSignal}; the stores install their own
	 * handlers and get {@code storeSignal}.
	 */
	private static void signalTheGroup(String storeSignal, String parentSignal, Output output) throws Exception {
		output.seenBefore().addAll(output.parent().descendants().toList());
		List<String> kill = new ArrayList<>(List.of("kill", "-s", storeSignal));
		output.seenBefore().forEach((process) -> kill.add(String.valueOf(process.pid())));
		// a reaper shell may have gone between listing and signalling: not an error
		Process stores = new ProcessBuilder(kill).redirectErrorStream(true).start();
		Process parent = new ProcessBuilder("kill", "-s", parentSignal, String.valueOf(output.parent().pid()))
			.redirectErrorStream(true)
			.start();
		stores.waitFor(10, TimeUnit.SECONDS);
		parent.waitFor(10, TimeUnit.SECONDS);
	}

	private void assertNothingIsLeft(Output output, Map<String, Integer> ports) throws Exception {
		StallTolerantDeadline exit = StallTolerantDeadline.after(EXIT);
		while (output.parent().isAlive() && !exit.expired()) {
			output.parent().waitFor(250, TimeUnit.MILLISECONDS);
		}
		assertThat(output.parent().isAlive())
			.as("the parent still running after %d s:\n%s\n%s", EXIT.toSeconds(), output, storeLogs())
			.isFalse();
		// forked store JVMs notice their parent's end through a pipe: give them time
		StallTolerantDeadline gone = StallTolerantDeadline.after(EXIT);
		while (!gone.expired() && (!leftovers().isEmpty()
				|| output.seenBefore().stream().anyMatch(ProcessHandle::isAlive) || anyListening(ports))) {
			Thread.sleep(250);
		}
		assertThat(leftovers().stream().map(LocalStoresShutdownIT::describe).toList())
			.as("processes under %s after the parent exited:\n%s", this.root, output)
			.isEmpty();
		assertThat(output.seenBefore().stream().filter(ProcessHandle::isAlive).map(LocalStoresShutdownIT::describe))
			.as("processes of the run still alive:\n%s", output)
			.isEmpty();
		ports.forEach((name, port) -> assertThat(Ports.isListening(Ports.LOOPBACK, port))
			.as("%s's port %d is still served:\n%s", name, port, output)
			.isFalse());
		assertThat(output.lines()).as("restarted during shutdown")
			.noneMatch((line) -> line.contains(" restarted on port"));
	}

	/**
	 * The last lines of every store's log under the data directory: the parent prints
	 * nothing until all stores are up, so a start that never ends shows only here.
	 */
	private String storeLogs() {
		StringBuilder logs = new StringBuilder();
		try (Stream<Path> files = Files.walk(this.root, 2)) {
			files.filter((file) -> file.getFileName().toString().endsWith(".log")).sorted().forEach((file) -> {
				logs.append("--- ").append(this.root.relativize(file)).append(" (last 15 lines)\n");
				LogTail.of(file, 15).forEach((line) -> logs.append(line).append('\n'));
			});
		}
		catch (IOException ex) {
			logs.append("(store logs unreadable: ").append(ex.getMessage()).append(")\n");
		}
		return (logs.length() > 0) ? logs.toString() : "(no store log under " + this.root + " yet)";
	}

	private static boolean anyListening(Map<String, Integer> ports) {
		return ports.values().stream().anyMatch((port) -> Ports.isListening(Ports.LOOPBACK, port));
	}

	/** Live processes whose command line names this test's data directory. */
	private List<ProcessHandle> leftovers() {
		String dir = this.root.toString();
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			return all.filter(ProcessHandle::isAlive)
				.filter((process) -> process.pid() != ProcessHandle.current().pid())
				.filter((process) -> process.info().commandLine().orElse("").contains(dir))
				.toList();
		}
	}

	private static String describe(ProcessHandle process) {
		return process.pid() + " " + process.info().commandLine().orElse("?");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The parent's output, read on a thread of its own so the parent never blocks. */
	private record Output(Process parent, List<String> lines, List<ProcessHandle> seenBefore) {

		Output(Process parent) {
			this(parent, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
			Thread reader = new Thread(() -> {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// the parent is gone
				}
			}, "shutdown-it-output");
			reader.setDaemon(true);
			reader.start();
		}

		@Override
		public String toString() {
			List<String> all = List.copyOf(this.lines);
			return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
		}

	}

}
