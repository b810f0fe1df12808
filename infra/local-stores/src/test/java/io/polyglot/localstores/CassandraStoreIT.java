package io.polyglot.localstores;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.polyglot.localstores.support.CassandraOnFreePorts;
import io.polyglot.localstores.support.OrphanCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cassandra 5.0 in a forked JVM: a round trip through the official driver, the reported
 * version, a clean stop, and no orphan when the parent is killed.
 *
 * <p>
 * One node serves the whole class because each start costs seconds and a gigabyte; the
 * orphan test runs after it has stopped so that two nodes never compete for the CPUs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraStoreIT {

	private static Path data;

	private static CassandraStore store;

	private static CqlSession session;

	@BeforeAll
	static void startOneNode() throws IOException {
		data = Files.createTempDirectory("polyglot-cassandra-it-");
		int nativePort = Ports.free();
		int storagePort = Ports.free();
		while (storagePort == nativePort) {
			storagePort = Ports.free();
		}
		store = new CassandraStore(new StoreOptions(data, nativePort, Duration.ofSeconds(120), false), storagePort);
		store.start();
		// schema changes on a busy two-core machine can outlast the driver's 2 s default
		DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
			.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
			.build();
		session = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(store.host(), store.port()))
			.withLocalDatacenter(CassandraStore.DATACENTER)
			.withConfigLoader(config)
			.build();
	}

	@AfterAll
	static void stopAndClean() throws IOException {
		if (session != null) {
			session.close();
		}
		if (store != null) {
			store.stop();
		}
		Directories.deleteRecursively(data);
		Directories.deleteRecursively(CassandraOnFreePorts.directoryFor(ProcessHandle.current().pid()));
	}

	@Test
	@Order(1)
	void roundTripThroughTheOfficialDriver() {
		session.execute("CREATE KEYSPACE polyglot_it WITH replication = "
				+ "{'class': 'SimpleStrategy', 'replication_factor': 1}");
		session.execute("CREATE TABLE polyglot_it.greeting (id int PRIMARY KEY, text text)");
		PreparedStatement insert = session.prepare("INSERT INTO polyglot_it.greeting (id, text) VALUES (?, ?)");
		session.execute(insert.bind(1, "hello"));

		Row row = session.execute(SimpleStatement.newInstance("SELECT text FROM polyglot_it.greeting WHERE id = ?", 1))
			.one();
		assertThat(row).isNotNull();
		assertThat(row.getString("text")).isEqualTo("hello");
	}

	@Test
	@Order(2)
	void reportsTheVersionTheServerRuns() {
		Row local = session.execute("SELECT release_version FROM system.local").one();
		assertThat(local).isNotNull();
		assertThat(store.implementation()).startsWith("Apache Cassandra 5.0.")
			.isEqualTo("Apache Cassandra " + local.getString("release_version"));
		assertThat(store.name()).isEqualTo("cassandra");
		assertThat(store.isRunning()).isTrue();
	}

	@Test
	@Order(3)
	void stopEndsTheProcessAndClosesThePorts() {
		long pid = store.pid().orElseThrow();
		session.close();

		store.stop();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("Cassandra after stop").isEmpty();
		assertThat(Ports.isListening(store.host(), store.port())).as("native port").isFalse();
		assertThat(Ports.isListening(store.host(), store.storagePort())).as("storage port").isFalse();
		assertThat(store.isRunning()).isFalse();
		assertThat(store.pid()).isEmpty();
		store.stop(); // idempotent
	}

	@Test
	@Order(4)
	void cassandraDiesWithItsKilledParent() throws Exception {
		OrphanCheck.assertStoreDiesWithKilledParent(CassandraOnFreePorts.class, 120, 60);
	}

}
