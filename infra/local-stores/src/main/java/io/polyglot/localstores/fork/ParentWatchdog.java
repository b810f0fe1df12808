package io.polyglot.localstores.fork;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every forked store JVM: runs the store's real main class and exits the
 * JVM when standard input reaches end-of-file, which happens when the parent dies for any
 * reason, {@code kill -9} included, because the parent held the only write end of the
 * pipe.
 *
 * <p>
 * Usage: {@code java -cp ... ParentWatchdog <main class> [args...]}. This class must
 * depend on nothing but {@code java.base}: it runs on the store's classpath, not ours.
 */
public final class ParentWatchdog {

	/** Printed on standard error when the watchdog stops the JVM, so logs tell why. */
	public static final String PARENT_GONE = "[polyglot-watchdog] parent process gone, stopping this store";

	/** How long shutdown hooks get before the JVM halts anyway. */
	private static final long GRACE_MILLIS = Long.getLong("polyglot.watchdog.grace-millis", 20_000);

	private ParentWatchdog() {
	}

	public static void main(String[] args) throws Throwable {
		if (args.length == 0) {
			System.err.println("usage: ParentWatchdog <main class> [args...]");
			System.exit(2);
		}
		watch(System.in);
		Method main = Class.forName(args[0]).getMethod("main", String[].class);
		try {
			main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static void watch(InputStream parentPipe) {
		Thread watchdog = new Thread(() -> {
			drainUntilEndOfFile(parentPipe);
			System.err.println(PARENT_GONE);
			Thread halter = new Thread(() -> {
				sleep(GRACE_MILLIS);
				Runtime.getRuntime().halt(1);
			}, "polyglot-watchdog-halter");
			halter.setDaemon(true);
			halter.start();
			System.exit(0);
		}, "polyglot-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static void drainUntilEndOfFile(InputStream in) {
		byte[] buffer = new byte[256];
		try {
			while (in.read(buffer) != -1) {
				// the parent never writes; any bytes are ignored
			}
		}
		catch (IOException ex) {
			// a broken pipe means the parent is gone, same as end-of-file
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
