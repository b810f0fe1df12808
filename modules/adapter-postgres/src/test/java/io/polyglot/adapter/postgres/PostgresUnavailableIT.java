package io.polyglot.adapter.postgres;

import java.io.IOException;
import java.net.ServerSocket;

import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With PostgreSQL unreachable, the transaction boundary fails as the domain's
 * store-unavailable error (503), not as a bare Spring exception.
 */
class PostgresUnavailableIT {

	@Test
	void transactionsReportPostgresUnavailable() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "127.0.0.1" });
		dataSource.setPortNumbers(new int[] { port });
		dataSource.setUser("postgres");
		dataSource.setConnectTimeout(2);
		PostgresTransactions transactions = new PostgresTransactions(new DataSourceTransactionManager(dataSource));

		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> transactions.inTransaction(() -> "never runs"))
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("postgres"));
	}

}
