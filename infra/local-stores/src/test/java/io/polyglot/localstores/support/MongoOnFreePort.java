package io.polyglot.localstores.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Supplier;

import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.MongoStore;
import io.polyglot.localstores.Ports;
import io.polyglot.localstores.StoreOptions;

/** A throw-away MongoDB wire server on a free port, for orphan tests. */
public final class MongoOnFreePort implements Supplier<LocalStore> {

	@Override
	public LocalStore get() {
		try {
			return new MongoStore(new StoreOptions(Files.createTempDirectory("mongodb-orphan-"), Ports.free(),
					Duration.ofSeconds(60), false));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
