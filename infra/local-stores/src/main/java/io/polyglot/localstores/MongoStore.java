package io.polyglot.localstores;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB wire-protocol server (mongo-java-server) inside this JVM. No genuine mongod
 * is obtainable here; this speaks the protocol well enough for the catalog, and the
 * catalog stays portable to real MongoDB (docker compose, Testcontainers profile).
 *
 * <p>
 * Persistent mode keeps data in an H2 MVStore file committed every second and on stop, so
 * at most about a second of writes is lost on {@code kill -9}. Test mode keeps data in
 * memory.
 */
public final class MongoStore implements LocalStore {

	private static final long COMMIT_INTERVAL_MILLIS = 1000;

	private final StoreOptions options;

	private @Nullable MongoServer server;

	private @Nullable H2Backend h2;

	private @Nullable ScheduledExecutorService committer;

	public MongoStore(StoreOptions options) {
		this.options = options;
	}

	@Override
	public String name() {
		return "mongodb";
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			Files.createDirectories(this.options.dataDirectory());
			AbstractMongoBackend backend;
			if (this.options.persistent()) {
				this.h2 = new H2Backend(this.options.dataDirectory().resolve("catalog.mv").toString());
				backend = this.h2;
				this.committer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
					Thread thread = new Thread(runnable, "mongo-h2-commit");
					thread.setDaemon(true);
					return thread;
				});
				H2Backend committed = this.h2;
				this.committer.scheduleWithFixedDelay(committed::commit, COMMIT_INTERVAL_MILLIS, COMMIT_INTERVAL_MILLIS,
						TimeUnit.MILLISECONDS);
			}
			else {
				backend = new MemoryBackend();
			}
			MongoServer started = new MongoServer(backend);
			started.bind(Ports.LOOPBACK, this.options.port());
			this.server = started;
		}
		catch (IOException | RuntimeException ex) {
			stop();
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), List.of(), ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.committer != null) {
			this.committer.shutdownNow();
			this.committer = null;
		}
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
		if (this.h2 != null) {
			this.h2.commit();
			this.h2.close();
			this.h2 = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int port() {
		return this.options.port();
	}

	/** Connection string for the MongoDB driver. */
	public String connectionString() {
		return "mongodb://" + host() + ":" + port();
	}

	@Override
	public String implementation() {
		return "mongo-java-server " + version() + " (wire-compatible, " + (this.options.persistent() ? "H2" : "memory")
				+ " backend)";
	}

	/** This JVM: the wire server runs in-process. */
	@Override
	public OptionalLong pid() {
		return OptionalLong.empty();
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
