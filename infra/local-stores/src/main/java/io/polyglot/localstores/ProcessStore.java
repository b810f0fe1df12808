package io.polyglot.localstores;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Base of the stores that run as a child process we launched ourselves (Redis, MongoDB,
 * Cassandra, Neo4j): their options, their process and what follows from it.
 */
abstract class ProcessStore implements LocalStore {

	private static final Pattern MEMORY_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

	protected final StoreOptions options;

	/**
	 * The running store, or null before start and after stop; guarded by {@code this}.
	 */
	protected @Nullable Process process;

	protected ProcessStore(StoreOptions options) {
		this.options = options;
	}

	/** A memory size for a forked JVM, checked: the JVM's notation, e.g. {@code 512m}. */
	protected static String memorySize(String what, String value) {
		if (!MEMORY_SIZE.matcher(value).matches()) {
			throw new IllegalArgumentException(what + " must look like 512m or 1g, was " + value);
		}
		return value;
	}

	@Override
	public int port() {
		return this.options.port();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	@Override
	public synchronized boolean hasCrashed() {
		return this.process != null && !this.process.isAlive();
	}

	@Override
	public synchronized OptionalLong pid() {
		Process running = this.process;
		return (running != null && running.isAlive()) ? OptionalLong.of(running.pid()) : OptionalLong.empty();
	}

}
