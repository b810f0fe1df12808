package io.polyglot.localstores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.polyglot.localstores.support.OrphanCheck;
import io.polyglot.localstores.support.PostgresOnFreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL from the zonky binaries: JDBC round trip, restart on the same data, no
 * orphans.
 */
class PostgresStoreIT {

	@TempDir
	Path data;

	@Test
	void roundTripSurvivesRestartAndStopLeavesNoProcess() throws SQLException {
		StoreOptions options = new StoreOptions(this.data, Ports.free(), Duration.ofSeconds(60), true);
		PostgresStore store = new PostgresStore(options);
		store.start();
		long pid = store.pid().orElseThrow();
		assertThat(store.implementation()).startsWith("PostgreSQL 17.");
		try (Connection connection = connect(store); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar(50) NOT NULL)");
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO greeting VALUES (?, ?)")) {
				insert.setInt(1, 1);
				insert.setString(2, "hello");
				insert.executeUpdate();
			}
		}
		store.stop();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("postmaster after stop").isEmpty();
		assertThat(Ports.isListening(store.host(), store.port())).isFalse();

		PostgresStore restarted = new PostgresStore(options);
		restarted.start();
		try (Connection connection = connect(restarted);
				ResultSet rs = connection.createStatement().executeQuery("SELECT text FROM greeting WHERE id = 1")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("hello");
		}
		finally {
			restarted.stop();
		}
	}

	@Test
	void postgresDiesWithItsKilledParent() throws Exception {
		OrphanCheck.assertStoreDiesWithKilledParent(PostgresOnFreePort.class, 90, 30);
	}

	private static Connection connect(PostgresStore store) throws SQLException {
		return DriverManager.getConnection(store.jdbcUrl(), PostgresStore.USER, "");
	}

}
