package io.polyglot.localstores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a local store keeps its data and logs, the port it listens on, and how long it
 * may take to become ready.
 *
 * @param dataDirectory directory owned by this store alone (data, config, log)
 * @param port the client port on loopback
 * @param startTimeout how long {@link LocalStore#start()} waits for readiness
 * @param persistent whether data must survive a restart (the local run) or may live in
 * memory or be thrown away (tests)
 */
public record StoreOptions(Path dataDirectory, int port, Duration startTimeout, boolean persistent) {

	public StoreOptions {
		Objects.requireNonNull(dataDirectory, "dataDirectory");
		Objects.requireNonNull(startTimeout, "startTimeout");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be 1..65535, was " + port);
		}
	}

	/** The store's log file inside its data directory. */
	public Path logFile(String storeName) {
		return this.dataDirectory.resolve(storeName + ".log");
	}

}
