package io.polyglot.localstores;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.polyglot.localstores.support.Neo4jOnFreePort;
import io.polyglot.localstores.support.OrphanCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.EagerResult;
import org.neo4j.driver.GraphDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Neo4j in its forked JVM: official-driver round trip, reported version, a clear error
 * when Bolt cannot bind, no orphans, and data that survives a restart. One store serves
 * the class because each start costs several seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Neo4jStoreIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	@TempDir
	static Path data;

	private static StoreOptions options;

	private static Neo4jStore store;

	@BeforeAll
	static void startStore() {
		options = new StoreOptions(data.resolve("neo4j"), Ports.free(), START_TIMEOUT, true);
		store = new Neo4jStore(options);
		store.start();
	}

	@AfterAll
	static void stopStore() {
		if (store != null) {
			store.stop();
		}
	}

	@Test
	@Order(1)
	void roundTripThroughTheOfficialDriver() {
		try (Driver driver = driver()) {
			driver.verifyConnectivity();
			for (int i = 0; i < 2; i++) {
				driver.executableQuery("MERGE (p:Person {name: $name}) SET p.born = $born")
					.withParameters(Map.of("name", "Ada Lovelace", "born", 1815))
					.execute();
			}
			EagerResult result = driver.executableQuery("MATCH (p:Person {name: $name}) RETURN p.born AS born")
				.withParameters(Map.of("name", "Ada Lovelace"))
				.execute();
			assertThat(result.records()).singleElement()
				.satisfies((row) -> assertThat(row.get("born").asInt()).isEqualTo(1815));
		}
	}

	@Test
	@Order(2)
	void reportsWhatIsServing() {
		assertThat(store.name()).isEqualTo("neo4j");
		assertThat(store.isRunning()).isTrue();
		assertThat(store.boltUri()).isEqualTo("bolt://127.0.0.1:" + options.port());
		assertThat(store.implementation()).startsWith("Neo4j 5.26.").endsWith(" community");
		assertThat(ProcessHandle.of(store.pid().orElseThrow()).filter(ProcessHandle::isAlive)).isPresent();
	}

	@Test
	@Order(3)
	void failsWithTheLogTailWhenTheBoltPortIsTaken() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
			Neo4jStore blocked = new Neo4jStore(
					new StoreOptions(data.resolve("blocked"), taken.getLocalPort(), START_TIMEOUT, false));
			assertThatExceptionOfType(LocalStoreException.class).isThrownBy(blocked::start)
				.withMessageContaining("neo4j did not start")
				.withMessageContaining("Address already in use");
			assertThat(blocked.isRunning()).isFalse();
			assertThat(blocked.pid()).isEmpty();
		}
	}

	@Test
	@Order(4)
	void neo4jDiesWithItsKilledParent() throws Exception {
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		List<Path> before = orphanDirectories(tmp);
		try {
			OrphanCheck.assertStoreDiesWithKilledParent(Neo4jOnFreePort.class, 90, 60);
		}
		finally {
			// the killed host cannot clean up after itself
			for (Path directory : orphanDirectories(tmp)) {
				if (!before.contains(directory)) {
					Directories.deleteRecursively(directory);
				}
			}
		}
	}

	@Test
	@Order(5)
	void dataSurvivesARestartAndStopLeavesNoProcess() {
		try (Driver driver = driver()) {
			driver.executableQuery("CREATE (:Marker {id: $id})")
				.withParameters(Map.of("id", "before-restart"))
				.execute();
		}
		long pid = store.pid().orElseThrow();
		store.stop();
		store.stop(); // idempotent
		assertThat(store.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("neo4j after stop").isEmpty();
		assertThat(Ports.isListening(store.host(), store.port())).as("bolt port after stop").isFalse();

		store = new Neo4jStore(options);
		store.start();
		try (Driver driver = driver()) {
			EagerResult result = driver.executableQuery("MATCH (m:Marker {id: $id}) RETURN count(m) AS markers")
				.withParameters(Map.of("id", "before-restart"))
				.execute();
			assertThat(result.records().get(0).get("markers").asLong()).isEqualTo(1);
		}
	}

	private static Driver driver() {
		return GraphDatabase.driver(store.boltUri(), AuthTokens.none());
	}

	private static List<Path> orphanDirectories(Path tmp) throws IOException {
		try (Stream<Path> entries = Files.list(tmp)) {
			return entries.filter((path) -> path.getFileName().toString().startsWith(Neo4jOnFreePort.DIRECTORY_PREFIX))
				.toList();
		}
	}

}
