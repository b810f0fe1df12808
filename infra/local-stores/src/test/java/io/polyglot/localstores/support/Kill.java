package io.polyglot.localstores.support;

import java.util.concurrent.TimeUnit;

/** Kills a store process the hard way, as a crash would, and waits until it is gone. */
public final class Kill {

	private Kill() {
	}

	/** SIGKILL: no shutdown hook, no flush, no clean close of files. */
	public static void nine(long pid) {
		ProcessHandle process = ProcessHandle.of(pid)
			.orElseThrow(() -> new AssertionError("process " + pid + " is not running"));
		process.destroyForcibly();
		if (process.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join() == null) {
			throw new AssertionError("process " + pid + " still alive 30 s after SIGKILL");
		}
	}

}
