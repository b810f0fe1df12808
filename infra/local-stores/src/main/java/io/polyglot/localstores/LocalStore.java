package io.polyglot.localstores;

import java.util.OptionalLong;

/**
 * One real store running on loopback: started and awaited by {@link #start()}, stopped by
 * {@link #stop()}.
 */
public interface LocalStore extends AutoCloseable {

	/**
	 * The store's name as health reports it: postgres, mongodb, redis, cassandra or
	 * neo4j.
	 */
	String name();

	/**
	 * Starts the store and blocks until it accepts clients.
	 * @throws LocalStoreException naming the store, the reason and the last lines of its
	 * log
	 */
	void start();

	/**
	 * Stops the store and waits for its process to exit; does nothing when not running.
	 */
	void stop();

	/**
	 * Whether {@link #start()} succeeded and {@link #stop()} has not been called since.
	 */
	boolean isRunning();

	/**
	 * Whether the store was started and not stopped since, yet its process is gone: it
	 * crashed or was killed. A later {@link #start()} restarts it on the same port and
	 * data.
	 */
	default boolean hasCrashed() {
		return false;
	}

	/**
	 * Loopback host the store listens on: every local store binds there and nowhere else.
	 */
	default String host() {
		return Ports.LOOPBACK;
	}

	/** The port clients connect to. */
	int port();

	/** What is serving, with its version, e.g. {@code PostgreSQL 17.6}. */
	String implementation();

	/** The operating-system process of the store, when it runs outside this JVM. */
	OptionalLong pid();

	@Override
	default void close() {
		stop();
	}

}
