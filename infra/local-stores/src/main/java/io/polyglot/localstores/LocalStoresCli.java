package io.polyglot.localstores;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: starts the local stores with the run's fixed ports and data directory,
 * prints where each listens, and stops them on Ctrl-C. Usage:
 * {@code LocalStoresCli [--data DIR] [store ...]} (default: all five, data in
 * {@code .polyglot}).
 */
public final class LocalStoresCli {

	private LocalStoresCli() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path data = Path.of(".polyglot");
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i++) {
			if ("--data".equals(args[i]) && i + 1 < args.length) {
				data = Path.of(args[++i]);
			}
			else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
				System.out
					.println("usage: LocalStoresCli [--data DIR] [" + String.join("|", LocalStores.ALL) + " ...]");
				return;
			}
			else {
				names.add(args[i]);
			}
		}
		if (names.isEmpty()) {
			names.addAll(List.of(LocalStores.ALL.toArray(String[]::new)));
		}
		LocalStores stores = LocalStores.forRun(data.toAbsolutePath(), names);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping local stores...");
			stores.stop();
			stopped.countDown();
		}, "local-stores-stop"));
		// nothing else is printed until every store is up: a first start unpacks
		// PostgreSQL and initialises Cassandra, which takes a while
		System.out.println("Starting " + String.join(", ", stores.stores().keySet()) + " (data in "
				+ data.toAbsolutePath() + ")...");
		try {
			stores.start();
		}
		catch (LocalStoreException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
		System.out.println("Local stores are up (data in " + data.toAbsolutePath() + "); Ctrl-C stops them:");
		System.out.print(stores.describe());
		stopped.await();
	}

}
