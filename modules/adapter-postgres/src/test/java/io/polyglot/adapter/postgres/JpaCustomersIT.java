package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.CustomersContract;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The customers contract against a real local PostgreSQL, plus what only the schema
 * shows: the wallet account written in the same transaction, and the constraints that
 * hold even against plain SQL.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class JpaCustomersIT extends CustomersContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	Customers customers;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected Customers customers() {
		return this.customers;
	}

	@Override
	protected Transactions transactions() {
		return this.transactions;
	}

	@Test
	void registrationWritesAnEmptyWalletAccountInTheSameTransaction() {
		Customer customer = newCustomer();

		Map<String, Object> accountSeenInside = this.transactions.inTransaction(() -> {
			this.customers.register(customer, CURRENCY);
			// JdbcTemplate joins the JPA transaction: the rows are visible before commit
			return account(customer);
		});

		assertThat((BigDecimal) accountSeenInside.get("balance")).isEqualByComparingTo("0.00");
		Map<String, Object> committed = account(customer);
		assertThat(committed.get("balance")).isEqualTo(new BigDecimal("0.00"));
		assertThat(committed.get("currency")).isEqualTo("EUR");
		assertThat(committed.get("id")).isNotEqualTo(customer.id().value());
	}

	@Test
	void rollbackOfTheSurroundingTransactionLeavesNeitherCustomerNorAccount() {
		Customer customer = newCustomer();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.customers.register(customer, CURRENCY);
			throw new IllegalStateException("a later step of the use case failed");
		}));

		assertThat(this.customers.byId(customer.id())).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM accounts WHERE customer_id = ?", Long.class,
				customer.id().value()))
			.isZero();
	}

	@Test
	void registrationOutsideATransactionIsRefused() {
		Customer customer = newCustomer();

		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.customers.register(customer, CURRENCY));
		assertThat(this.customers.byId(customer.id())).isEmpty();
	}

	@Test
	void rolesAreStoredInOneCanonicalOrder() {
		Customer customer = newCustomer("ops-" + suffix(), "ops-" + suffix() + "@example.com",
				Set.of(Role.ADMIN, Role.CUSTOMER));
		register(customer);

		assertThat(this.jdbc.queryForObject("SELECT roles FROM customers WHERE id = ?", String.class,
				customer.id().value()))
			.isEqualTo("CUSTOMER,ADMIN");
	}

	@Test
	void balanceCheckRejectsANegativeBalanceEvenFromPlainSql() {
		Customer customer = newCustomer();
		register(customer);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("UPDATE accounts SET balance = -0.01 WHERE customer_id = ?",
					customer.id().value()))
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause()).isInstanceOfSatisfying(PSQLException.class,
					(psql) -> assertThat(psql.getServerErrorMessage().getConstraint())
						.isEqualTo("accounts_balance_non_negative")));
		assertThat(account(customer).get("balance")).isEqualTo(new BigDecimal("0.00"));
	}

	private Map<String, Object> account(Customer customer) {
		return this.jdbc.queryForMap("SELECT id, balance, currency FROM accounts WHERE customer_id = ?",
				customer.id().value());
	}

}
