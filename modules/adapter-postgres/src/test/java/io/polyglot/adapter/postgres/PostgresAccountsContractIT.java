package io.polyglot.adapter.postgres;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.AccountsContract;
import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The wallet accounts contract against a real local PostgreSQL. */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresAccountsContractIT extends AccountsContract {

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
	protected Accounts accounts() {
		return new JdbcAccounts(this.jdbc);
	}

	@Override
	protected Transactions transactions() {
		return this.transactions;
	}

	@Override
	protected CustomerId customerWithAccount() {
		String name = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Customer customer = new Customer(CustomerId.random(), new Username(name), new Email(name + "@example.com"),
				"$argon2id$not-a-real-hash", Set.of(Role.CUSTOMER), Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.transactions.run(() -> this.customers.register(customer, "EUR"));
		return customer.id();
	}

}
