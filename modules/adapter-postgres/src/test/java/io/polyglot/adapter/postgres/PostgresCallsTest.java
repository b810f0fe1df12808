package io.polyglot.adapter.postgres;

import java.sql.SQLException;

import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which failures of a PostgreSQL call are an outage (503) and which stay the caller's.
 */
class PostgresCallsTest {

	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
		// what Hibernate and the pool throw when the server died under a transaction
		JpaSystemException rollbackFailed = new JpaSystemException(new RuntimeException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> PostgresCalls.call(() -> {
			throw rollbackFailed;
		})).satisfies((ex) -> assertThat(ex.store()).isEqualTo("postgres"));
	}

	@Test
	void aConnectionLossSqlStateIsAnOutage() {
		JpaSystemException lost = new JpaSystemException(
				new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")));

		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> PostgresCalls.call(() -> {
			throw lost;
		}));
	}

	@Test
	void aConstraintViolationStaysWhatItIs() {
		DataIntegrityViolationException duplicate = new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"));

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> PostgresCalls.call(() -> {
			throw duplicate;
		}));
	}

}
