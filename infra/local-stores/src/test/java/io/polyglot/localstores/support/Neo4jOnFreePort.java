package io.polyglot.localstores.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Supplier;

import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.Neo4jStore;
import io.polyglot.localstores.Ports;
import io.polyglot.localstores.StoreOptions;

/** A throw-away Neo4j on a free port, for orphan tests. */
public final class Neo4jOnFreePort implements Supplier<LocalStore> {

	/**
	 * Prefix of the data directory in {@code java.io.tmpdir}: the host JVM that creates
	 * it is killed, so the test that started it deletes it by this name.
	 */
	public static final String DIRECTORY_PREFIX = "neo4j-orphan-";

	@Override
	public LocalStore get() {
		try {
			return new Neo4jStore(new StoreOptions(Files.createTempDirectory(DIRECTORY_PREFIX), Ports.free(),
					Duration.ofSeconds(80), false));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
