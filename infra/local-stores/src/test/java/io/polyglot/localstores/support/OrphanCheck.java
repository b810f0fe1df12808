package io.polyglot.localstores.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.polyglot.localstores.LocalStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves that a forked store does not outlive its parent: starts the store from a
 * separate {@link StoreHost} JVM, kills that JVM with SIGKILL, and waits for the store's
 * process to exit on its own.
 */
public final class OrphanCheck {

	private OrphanCheck() {
	}

	/**
	 * Asserts the store started by the factory exits after its parent is killed with
	 * {@code kill -9}.
	 * @param factory a public class with a no-arg constructor that builds the store
	 * @param startSeconds how long the host may take to start the store
	 * @param exitSeconds how long the orphaned store may take to notice and exit
	 */
	public static void assertStoreDiesWithKilledParent(Class<? extends Supplier<LocalStore>> factory, long startSeconds,
			long exitSeconds) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process host = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				StoreHost.class.getName(), factory.getName()))
			.redirectErrorStream(true)
			.start();
		try {
			long storePid = readStorePid(host, startSeconds);
			ProcessHandle store = ProcessHandle.of(storePid)
				.orElseThrow(() -> new AssertionError("store process " + storePid + " is not running"));
			assertThat(store.isAlive()).isTrue();

			host.destroyForcibly(); // SIGKILL: no shutdown hook of the host runs
			assertThat(host.waitFor(10, TimeUnit.SECONDS)).as("host JVM was killed").isTrue();

			boolean exited = store.onExit().completeOnTimeout(null, exitSeconds, TimeUnit.SECONDS).join() != null;
			if (!exited) {
				store.destroyForcibly();
				fail("store process " + storePid + " outlived its killed parent by " + exitSeconds + " s");
			}
		}
		finally {
			host.destroyForcibly();
		}
	}

	private static long readStorePid(Process host, long startSeconds) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		StallTolerantDeadline deadline = StallTolerantDeadline.after(Duration.ofSeconds(startSeconds));
		while (!deadline.expired()) {
			if (!output.ready()) {
				if (!host.isAlive()) {
					break;
				}
				Thread.sleep(100);
				continue;
			}
			String line = output.readLine();
			if (line == null) {
				break;
			}
			seen.append(line).append(System.lineSeparator());
			if (line.startsWith(StoreHost.PID_PREFIX)) {
				return Long.parseLong(line.substring(StoreHost.PID_PREFIX.length()).trim());
			}
		}
		throw new AssertionError("store host did not report a store pid within " + startSeconds + " s:\n" + seen);
	}

}
