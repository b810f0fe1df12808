package io.polyglot.localstores.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.LocalStores;

/**
 * A parent like the service of the run command: starts the run's stores (supervised) on
 * free ports and, when told to stop, stops them only after a delay, as the service does
 * after its own graceful shutdown. Prints {@link #READY} and one
 * {@code PORT <store> <port>} line per store once they are up. Usage:
 * {@code LateStopHost <data dir> <delay ms> <store> ...}.
 */
public final class LateStopHost {

	/** Printed once every store is up. */
	public static final String READY = "STORES-UP";

	/** Prefix of the lines naming each store's port. */
	public static final String PORT_PREFIX = "PORT ";

	private LateStopHost() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]);
		long delayMillis = Long.parseLong(args[1]);
		Set<String> names = Set.copyOf(List.of(args).subList(2, args.length));
		LocalStores stores = LocalStores.forRunOnFreePorts(root, names);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				// the service's graceful shutdown comes first; the stores, being
				// signalled with it, are long gone by now
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			stores.stop();
			System.out.println("STORES-STOPPED");
		}, "late-stop"));
		stores.start();
		for (LocalStore store : stores.stores().values()) {
			System.out.println(PORT_PREFIX + store.name() + " " + store.port());
		}
		System.out.println(READY);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
