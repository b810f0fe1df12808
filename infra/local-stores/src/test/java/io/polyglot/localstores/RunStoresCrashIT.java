package io.polyglot.localstores;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.polyglot.localstores.support.Kill;
import io.polyglot.localstores.support.StallTolerantDeadline;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores exactly as the run command configures them (durable, persistent,
 * supervised), on free ports: for each store, acknowledged writes, then {@code kill -9}
 * of its process right after the last acknowledgement; the supervisor restarts it on the
 * same port and data, the client made before the kill reconnects by itself, and every
 * acknowledged write is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunStoresCrashIT {

	/** A generous bound for a restart on this busy 2-core machine, not a target. */
	private static final Duration RECOVERY_BOUND = Duration.ofMinutes(3);

	private Path root;

	private LocalStores stores;

	@BeforeAll
	void startTheRunStores() throws IOException {
		this.root = Files.createTempDirectory("polyglot-run-stores-crash-");
		this.stores = LocalStores.forRunOnFreePorts(this.root, Set.copyOf(LocalStores.ALL)).start();
		assertThat(this.stores.isSupervised()).isTrue();
	}

	@AfterAll
	void stopAndClean() throws IOException {
		if (this.stores != null) {
			this.stores.stop();
		}
		Directories.deleteRecursively(this.root);
	}

	@Test
	void postgresCommitsSurviveKillOfThePostmasterAndThePoolReconnects() throws Exception {
		PostgresStore postgres = this.stores.postgres();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.jdbcUrl());
		config.setUsername(PostgresStore.USER);
		config.setMaximumPoolSize(2);
		config.setConnectionTimeout(3000);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
				assertThat(setting(statement, "fsync")).isEqualTo("on");
				assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
				statement.execute("CREATE TABLE transfers (id int PRIMARY KEY)");
				try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transfers VALUES (?)")) {
					for (int i = 0; i < 300; i++) {
						insert.setInt(1, i);
						insert.executeUpdate(); // auto-commit: acknowledged = committed
					}
				}
			}
			long pid = killAndAwaitRestart(postgres);

			int count = eventually(() -> {
				try (Connection connection = pool.getConnection();
						ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM transfers")) {
					rs.next();
					return rs.getInt(1);
				}
			});
			assertThat(count).isEqualTo(300);
			assertThat(postgres.pid().orElseThrow()).as("a new postmaster").isNotEqualTo(pid);
		}
	}

	@Test
	void mongodbWritesSurviveKillOfTheServerAndTheDriverReconnects() throws Exception {
		MongoStore mongodb = this.stores.mongodb();
		try (MongoClient client = MongoClients
			.create(mongodb.connectionString() + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000")) {
			MongoCollection<Document> holds = client.getDatabase("polyglot").getCollection("holds");
			for (int i = 0; i < 100; i++) {
				holds.insertOne(new Document("_id", i));
			}
			killAndAwaitRestart(mongodb);

			long count = eventually(() -> holds.countDocuments());
			assertThat(count).isEqualTo(100);
			holds.insertOne(new Document("_id", "after-restart"));
			assertThat(holds.countDocuments(Filters.eq("_id", "after-restart"))).isEqualTo(1);
		}
	}

	@Test
	void redisWritesSurviveKillOfTheServerAndLettuceReconnects() throws Exception {
		RedisStore redis = this.stores.redis();
		RedisClient client = RedisClient.create("redis://" + redis.host() + ":" + redis.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> commands = connection.sync();
			assertThat(commands.configGet("appendonly")).containsEntry("appendonly", "yes");
			for (int i = 0; i < 500; i++) {
				commands.set("session:" + i, "token-" + i);
			}
			killAndAwaitRestart(redis);

			// the append-only file is written before each reply (fsync follows within a
			// second), so a killed process loses nothing that was acknowledged
			long count = eventually(() -> commands.keys("session:*").size());
			assertThat(count).isEqualTo(500);
			assertThat(commands.get("session:499")).isEqualTo("token-499");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void cassandraWritesSurviveKillOfTheNodeAndTheDriverReconnects() throws Exception {
		CassandraStore cassandra = this.stores.cassandra();
		DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
			.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
			// as the service configures it (polyglot.cassandra.reconnect-max-delay)
			.withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10))
			.build();
		try (CqlSession session = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
			.withLocalDatacenter(CassandraStore.DATACENTER)
			.withConfigLoader(config)
			.build()) {
			session.execute("CREATE KEYSPACE crash WITH replication = {'class': 'SimpleStrategy', "
					+ "'replication_factor': 1}");
			session.execute("CREATE TABLE crash.events (id int PRIMARY KEY, body text)");
			com.datastax.oss.driver.api.core.cql.PreparedStatement insert = session
				.prepare("INSERT INTO crash.events (id, body) VALUES (?, ?)");
			List<CompletableFuture<?>> writes = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				writes.add(session.executeAsync(insert.bind(i, "event-" + i)).toCompletableFuture());
			}
			CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
			killAndAwaitRestart(cassandra);

			long count = eventually(() -> session.execute("SELECT count(*) FROM crash.events").one().getLong(0));
			assertThat(count).isEqualTo(200);
		}
	}

	@Test
	void neo4jTransactionsSurviveKillOfTheNodeAndTheDriverReconnects() throws Exception {
		Neo4jStore neo4j = this.stores.neo4j();
		try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
			try (Session session = driver.session()) {
				for (int i = 0; i < 100; i++) {
					int id = i;
					session
						.executeWriteWithoutResult((tx) -> tx.run("CREATE (:Friendship {id: $id})", Map.of("id", id)));
				}
			}
			killAndAwaitRestart(neo4j);

			long count = eventually(() -> {
				try (Session session = driver.session()) {
					return session.executeRead(
							(tx) -> tx.run("MATCH (f:Friendship) RETURN count(f) AS n").single().get("n").asLong());
				}
			});
			assertThat(count).isEqualTo(100);
		}
	}

	/**
	 * {@code kill -9} of the store's process, then waits for the supervisor to have it
	 * running again as a new process; returns the killed pid.
	 */
	private long killAndAwaitRestart(LocalStore store) throws InterruptedException {
		long pid = store.pid().orElseThrow();
		int restartsBefore = this.stores.restarts(store.name());
		Kill.nine(pid);
		StallTolerantDeadline deadline = StallTolerantDeadline.after(RECOVERY_BOUND);
		while (this.stores.restarts(store.name()) == restartsBefore || !store.isRunning()) {
			assertThat(deadline.expired()).as(store.name() + " restarted by the supervisor").isFalse();
			Thread.sleep(100);
		}
		assertThat(Ports.isListening(store.host(), store.port())).as(store.name() + " listening again").isTrue();
		return pid;
	}

	/**
	 * The first answer the client gives once it has reconnected; failures before that (a
	 * connection reset, a pool still timing out) are retried.
	 */
	private static <T> T eventually(Callable<T> read) throws Exception {
		long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
		while (true) {
			try {
				return read.call();
			}
			catch (Exception ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	private static String setting(Statement statement, String name) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
