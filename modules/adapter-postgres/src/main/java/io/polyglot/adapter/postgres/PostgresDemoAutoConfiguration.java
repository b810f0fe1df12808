package io.polyglot.adapter.postgres;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The PostgreSQL side of the architecture demos, only when demos are switched on
 * ({@code polyglot.demos.enabled}); their tables live in the {@code demo} schema.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
class PostgresDemoAutoConfiguration {

	@Bean
	PostgresDemoTables postgresDemoTables(DataSource dataSource) {
		// a transaction manager of its own: the demos' JDBC transactions stay apart from
		// the JPA ones of the service
		return new PostgresDemoTables(new JdbcTemplate(dataSource), new JdbcTransactionManager(dataSource));
	}

	@Bean
	PostgresIntegrityPlayground postgresIntegrityPlayground(PostgresDemoTables tables) {
		return new PostgresIntegrityPlayground(tables);
	}

	@Bean
	PostgresCustomerOrders postgresCustomerOrders(PostgresDemoTables tables) {
		return new PostgresCustomerOrders(tables);
	}

	@Bean
	PostgresFriendGraph postgresFriendGraph(PostgresDemoTables tables) {
		return new PostgresFriendGraph(tables);
	}

	@Bean
	PostgresTransfers postgresTransfers(PostgresDemoTables tables) {
		return new PostgresTransfers(tables);
	}

	@Bean
	PostgresDemoOutbox postgresDemoOutbox(PostgresDemoTables tables) {
		return new PostgresDemoOutbox(tables);
	}

	@Bean
	PostgresIndexPlayground postgresIndexPlayground(PostgresDemoTables tables) {
		return new PostgresIndexPlayground(tables);
	}

}
