package io.polyglot.localstores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Makes a native store process (PostgreSQL, Redis) die with this JVM, even after
 * {@code kill -9}: a tiny {@code /bin/sh} waits for end-of-file on a pipe that only this
 * JVM holds open, then signals the store. The kernel closes the pipe whatever way this
 * JVM ends.
 */
final class NativeReaper {

	private final Process shell;

	private NativeReaper(Process shell) {
		this.shell = shell;
	}

	/**
	 * Watches the process: when this JVM goes away, sends it the signal.
	 * @param pid the store's process id
	 * @param signal the signal name for {@code kill -s}, e.g. {@code INT} for a fast
	 * PostgreSQL shutdown, {@code TERM} for Redis
	 */
	static NativeReaper watch(long pid, String signal) {
		String script = "cat >/dev/null; kill -s " + signal + " " + pid + " 2>/dev/null";
		try {
			Process shell = new ProcessBuilder(List.of("/bin/sh", "-c", script))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			return new NativeReaper(shell);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the reaper for process " + pid, ex);
		}
	}

	/**
	 * Stops watching without signalling: called after the store was stopped on purpose.
	 */
	void release() {
		// kill the shell (and its cat) before closing the pipe so no signal is sent to a
		// pid that may already belong to another process
		this.shell.descendants().forEach(ProcessHandle::destroyForcibly);
		this.shell.destroyForcibly();
		try {
			this.shell.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
