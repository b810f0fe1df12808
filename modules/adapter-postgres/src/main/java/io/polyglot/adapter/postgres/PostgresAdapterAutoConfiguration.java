package io.polyglot.adapter.postgres;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the PostgreSQL adapter: its health component and, later, its port
 * implementations.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class PostgresAdapterAutoConfiguration {

	@Bean
	PostgresHealthIndicator postgresHealthIndicator(DataSource dataSource) {
		return new PostgresHealthIndicator(new JdbcTemplate(dataSource));
	}

}
