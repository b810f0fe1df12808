package io.polyglot.adapter.postgres;

import javax.sql.DataSource;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.shared.Transactions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the PostgreSQL adapter: its health component, the transaction boundary and the
 * customers of record, over Boot's DataSource, JPA and Flyway auto-configuration.
 * <p>
 * Entities and repositories are looked up in this adapter's package only, never in the
 * application's: with several Spring Data modules on the classpath each adapter names its
 * own repositories. Ordered before Boot's JPA repositories auto-configuration so that it
 * backs off instead of registering the same repositories a second time.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration")
@EntityScan(basePackageClasses = PostgresAdapterAutoConfiguration.class)
@EnableJpaRepositories(basePackageClasses = PostgresAdapterAutoConfiguration.class)
class PostgresAdapterAutoConfiguration {

	@Bean
	PostgresHealthIndicator postgresHealthIndicator(DataSource dataSource) {
		return new PostgresHealthIndicator(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(Transactions.class)
	PostgresTransactions postgresTransactions(PlatformTransactionManager transactionManager) {
		return new PostgresTransactions(transactionManager);
	}

	@Bean
	@ConditionalOnMissingBean(Customers.class)
	JpaCustomers jpaCustomers(CustomerRepository customerRepository, AccountRepository accountRepository,
			PlatformTransactionManager transactionManager) {
		return new JpaCustomers(customerRepository, accountRepository, transactionManager);
	}

	@Bean
	@ConditionalOnMissingBean
	PostgresOutbox postgresOutbox(DataSource dataSource, ObjectProvider<EventConsumer> consumers) {
		return new PostgresOutbox(new JdbcTemplate(dataSource),
				() -> consumers.orderedStream().map(EventConsumer::name).toList());
	}

	@Bean
	@ConditionalOnMissingBean(Accounts.class)
	JdbcAccounts jdbcAccounts(DataSource dataSource) {
		return new JdbcAccounts(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(IdempotencyKeys.class)
	JdbcIdempotencyKeys jdbcIdempotencyKeys(DataSource dataSource) {
		return new JdbcIdempotencyKeys(new JdbcTemplate(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean(Orders.class)
	JdbcOrders jdbcOrders(DataSource dataSource) {
		return new JdbcOrders(new JdbcTemplate(dataSource));
	}

}
