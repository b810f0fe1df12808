package io.polyglot.mongodbnode;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import org.h2.mvstore.MVStore;

/**
 * Entry point of the forked local MongoDB wire server JVM (mongo-java-server) on
 * loopback.
 *
 * <p>
 * Usage: {@code MongoNode <port> <durability> [H2 file]} where durability is
 * {@code memory} (tests: no file, nothing survives), {@code commit} (the MVStore is
 * committed before every write's reply: survives {@code kill -9} of this JVM) or
 * {@code fsync} (also forced to disk before the reply: survives power loss). Prints a
 * ready line once the port accepts clients, then blocks until the JVM is told to exit
 * (SIGTERM, or the parent's watchdog), when a shutdown hook closes the server and the
 * store cleanly.
 */
public final class MongoNode {

	/**
	 * Printed once the server listens; must match the prefix the parent's
	 * {@code MongoStore} looks for (the modules share no code on purpose).
	 */
	static final String READY_PREFIX = "[polyglot-mongodb] READY ";

	private static final String LOOPBACK = "127.0.0.1";

	private MongoNode() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2 || ("memory".equals(args[1]) != (args.length == 2))) {
			System.err.println("usage: MongoNode <port> memory | MongoNode <port> commit|fsync <H2 file>");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		String durability = args[1];
		AbstractMongoBackend backend;
		String description;
		switch (durability) {
			case "memory" -> {
				backend = new IndexedMemoryBackend();
				description = "memory backend, ordered secondary indexes";
			}
			case "commit", "fsync" -> {
				Path file = Path.of(args[2]).toAbsolutePath();
				Files.createDirectories(file.getParent());
				backend = new DurableH2Backend(MVStore.open(file.toString()), "fsync".equals(durability));
				description = "H2 backend, " + durability + " per write, ordered secondary indexes";
			}
			default -> {
				System.err.println("unknown durability '" + durability + "': memory, commit or fsync");
				System.exit(2);
				return;
			}
		}
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(LOOPBACK, port);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("[polyglot-mongodb] stopping");
			// closes the clients, then the backend, which commits and closes the MVStore
			server.shutdownNow();
			System.out.println("[polyglot-mongodb] stopped");
			System.out.flush();
		}, "polyglot-mongodb-shutdown"));
		System.out.println(READY_PREFIX + "mongo-java-server " + version() + " (wire-compatible, " + description
				+ ") mongodb://" + LOOPBACK + ":" + port);
		System.out.flush();
		new CountDownLatch(1).await();
	}

	/**
	 * The server library's version, read from its jar name
	 * ({@code mongo-java-server-core-1.47.0.jar}): the jar carries no version in its
	 * manifest.
	 */
	static String version() {
		try {
			String jar = Path.of(MongoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.getFileName()
				.toString();
			Matcher matcher = Pattern.compile("mongo-java-server-core-(.+)\\.jar").matcher(jar);
			return matcher.matches() ? matcher.group(1) : "unknown";
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "unknown";
		}
	}

}
