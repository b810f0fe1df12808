package io.polyglot.localstores.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import io.polyglot.localstores.CassandraStore;
import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.Ports;
import io.polyglot.localstores.StoreOptions;

/**
 * A throw-away Cassandra on free ports, for orphan tests.
 *
 * <p>
 * Its host JVM is killed with SIGKILL and cannot clean up, so the data directory is named
 * after the host's parent (the test JVM), which deletes it with
 * {@link #directoryFor(long)}.
 */
public final class CassandraOnFreePorts implements Supplier<LocalStore> {

	@Override
	public LocalStore get() {
		long testJvm = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
		try {
			Path data = Files.createDirectories(directoryFor(testJvm));
			int nativePort = Ports.free();
			int storagePort = Ports.free();
			while (storagePort == nativePort) {
				storagePort = Ports.free();
			}
			return new CassandraStore(new StoreOptions(data, nativePort, Duration.ofSeconds(120), false), storagePort);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The data directory of the Cassandra started for the given test JVM. */
	public static Path directoryFor(long testJvmPid) {
		return Path.of(System.getProperty("java.io.tmpdir"), "polyglot-cassandra-orphan-" + testJvmPid);
	}

}
