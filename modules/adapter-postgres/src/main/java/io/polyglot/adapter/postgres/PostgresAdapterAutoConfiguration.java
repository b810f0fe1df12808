package io.polyglot.adapter.postgres;

import javax.sql.DataSource;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the PostgreSQL adapter: customers, the transaction port and the health component.
 * Repositories and entities are scanned in this package only, so the other Spring Data
 * modules never claim them.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@EnableJpaRepositories(basePackageClasses = PostgresAdapterAutoConfiguration.class)
@EntityScan(basePackageClasses = PostgresAdapterAutoConfiguration.class)
class PostgresAdapterAutoConfiguration {

	@Bean
	PostgresHealthIndicator postgresHealthIndicator(DataSource dataSource) {
		return new PostgresHealthIndicator(new JdbcTemplate(dataSource));
	}

	@Bean
	Transactions transactions(PlatformTransactionManager transactionManager) {
		return new PostgresTransactions(new TransactionTemplate(transactionManager));
	}

	@Bean
	Customers customers(CustomerRepository customers, AccountRepository accounts) {
		return new JpaCustomers(customers, accounts);
	}

}
