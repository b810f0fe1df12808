package io.polyglot.localstores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 from the zonky binaries on Maven Central: initdb on first start, then the
 * same data directory on every start of the local run.
 */
public final class PostgresStore implements LocalStore {

	/** Database the service uses; created on first start. */
	public static final String DATABASE = "polyglot";

	/** Superuser of the local cluster; loopback only, trust authentication. */
	public static final String USER = "postgres";

	private static final Logger logger = LoggerFactory.getLogger(PostgresStore.class);

	private final StoreOptions options;

	private @Nullable EmbeddedPostgres postgres;

	private @Nullable NativeReaper reaper;

	private String version = "PostgreSQL";

	/** Whether this store has been started before: only a first start wipes test data. */
	private boolean startedBefore;

	public PostgresStore(StoreOptions options) {
		this.options = options;
	}

	@Override
	public String name() {
		return "postgres";
	}

	@Override
	public synchronized void start() {
		if (this.postgres != null) {
			if (postmasterAlive()) {
				return;
			}
			// the postmaster died (kill -9, crash): release what the dead instance holds
			// (zonky's lock on the data directory, the reaper) before starting anew
			stop();
		}
		Path data = this.options.dataDirectory().resolve("data");
		Path log = this.options.logFile(name());
		try {
			Files.createDirectories(this.options.dataDirectory());
			if (!this.options.persistent() && !this.startedBefore) {
				// tests expect an empty cluster; a restart of the same store keeps its
				// data.
				// zonky's own clean-up is not used: its close() would delete the data
				// even
				// when the server crashed and is about to be restarted
				Directories.deleteRecursively(data);
			}
			this.startedBefore = true;
			stopLeftoverServer(data);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(this.options.port())
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(this.options.dataDirectory().resolve("binaries").toFile())
				.setServerConfig("listen_addresses", Ports.LOOPBACK)
				// test JVMs keep one pool per cached Spring context (a dozen in a
				// module's
				// ITs): throw-away test servers get room for them; the run command keeps
				// PostgreSQL's default
				.setServerConfig("max_connections", this.options.persistent() ? "100" : "300")
				.setPGStartupWait(this.options.startTimeout())
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				// no JVM shutdown hook of zonky's: the reaper stops the server when this
				// JVM ends, and during shutdown zonky's addShutdownHook throws after the
				// postmaster is up, leaving it running with no owner
				.setRegisterShutdownHook(false);
			if (this.options.persistent()) {
				durable(builder);
			}
			EmbeddedPostgres started = builder.start();
			this.postgres = started;
			this.reaper = NativeReaper.watch(postmasterPid(data).orElseThrow(), "INT");
			createDatabaseAndReadVersion(started);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			stop();
			// a failure after pg_ctl started the postmaster (before zonky handed it over)
			stopLeftoverServer(data);
			throw new LocalStoreException(name(), String.valueOf(ex.getMessage()), LogTail.of(log, 30), ex);
		}
	}

	/**
	 * zonky starts the server with {@code -F} (fsync off) and
	 * {@code synchronous_commit=off}, made for throw-away test databases: a
	 * {@code kill -9} ~60 ms after an acknowledged transfer lost it. The local run turns
	 * both back on ({@code -c} options come after {@code -F} on the command line, and the
	 * later setting wins), so a commit is on disk before the client hears of it.
	 */
	private static void durable(EmbeddedPostgres.Builder builder) {
		builder.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on");
	}

	private void createDatabaseAndReadVersion(EmbeddedPostgres started) throws SQLException {
		try (Connection connection = started.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
				rs.next();
				this.version = "PostgreSQL " + rs.getString(1).split(" ")[0];
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					statement.execute("CREATE DATABASE " + DATABASE);
				}
			}
		}
	}

	/**
	 * A previous run killed without its reaper (for example a power loss) leaves a
	 * postmaster holding the data directory; stop it instead of failing with "lock file
	 * exists".
	 */
	private static void stopLeftoverServer(Path data) {
		OptionalLong pid = postmasterPid(data);
		if (pid.isEmpty()) {
			return;
		}
		ProcessHandle.of(pid.getAsLong())
			.filter((process) -> process.info().command().orElse("").endsWith("postgres"))
			.ifPresent(PostgresStore::fastShutdown);
	}

	/**
	 * SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients that may never
	 * leave); Java can only send SIGTERM/SIGKILL itself, hence {@code kill}.
	 */
	private static void fastShutdown(ProcessHandle postmaster) {
		try {
			new ProcessBuilder("kill", "-s", "INT", String.valueOf(postmaster.pid())).start()
				.waitFor(5, TimeUnit.SECONDS);
			if (postmaster.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join() == null) {
				postmaster.destroyForcibly();
			}
		}
		catch (IOException ex) {
			postmaster.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static OptionalLong postmasterPid(Path data) {
		Path pidFile = data.resolve("postmaster.pid");
		try {
			if (Files.isRegularFile(pidFile)) {
				String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
				return OptionalLong.of(Long.parseLong(first));
			}
		}
		catch (IOException | RuntimeException ex) {
			// unreadable or half-written pid file: treat as no running server
		}
		return OptionalLong.empty();
	}

	@Override
	public synchronized void stop() {
		EmbeddedPostgres running = this.postgres;
		this.postgres = null;
		if (running != null) {
			OptionalLong postmaster = postmasterPid(this.options.dataDirectory().resolve("data"));
			if (!postmasterAlive()) {
				// zonky's close() also releases its lock on the data directory, so it is
				// still called; its pg_ctl stop fails and it logs "Could not stop
				// postmaster"
				logger.info("PostgreSQL on port {} is not running (crashed?); releasing its data directory", port());
			}
			try {
				running.close();
				// pg_ctl returns when the server stops accepting work; wait for the
				// process itself
				if (postmaster.isPresent()) {
					ProcessHandle.of(postmaster.getAsLong())
						.ifPresent(
								(process) -> process.onExit().completeOnTimeout(process, 30, TimeUnit.SECONDS).join());
				}
			}
			catch (IOException ex) {
				throw new LocalStoreException(name(), "did not stop cleanly: " + ex.getMessage(),
						LogTail.of(this.options.logFile(name()), 20), ex);
			}
		}
		if (this.reaper != null) {
			this.reaper.release();
			this.reaper = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.postgres != null && postmasterAlive();
	}

	@Override
	public synchronized boolean hasCrashed() {
		return this.postgres != null && !postmasterAlive();
	}

	private boolean postmasterAlive() {
		return postmasterPid(this.options.dataDirectory().resolve("data")).stream()
			.mapToObj(ProcessHandle::of)
			.anyMatch((process) -> process.filter(ProcessHandle::isAlive)
				// a stale pid file may name a pid reused by another program
				.filter((alive) -> alive.info().command().orElse("postgres").endsWith("postgres"))
				.isPresent());
	}

	@Override
	public int port() {
		return this.options.port();
	}

	/** JDBC URL of the service database. */
	public String jdbcUrl() {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + DATABASE;
	}

	@Override
	public String implementation() {
		return this.version;
	}

	@Override
	public OptionalLong pid() {
		return isRunning() ? postmasterPid(this.options.dataDirectory().resolve("data")) : OptionalLong.empty();
	}

}
