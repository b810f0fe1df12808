package io.polyglot.adapter.postgres;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.SharedTestStores;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customers in a real PostgreSQL: registration with its wallet, case-insensitive
 * uniqueness, races.
 */
@SpringBootTest(classes = PostgresAdapterIT.Config.class)
class JpaCustomersIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		LocalStores stores = SharedTestStores.get("postgres");
		registry.add("spring.datasource.url", stores.postgres()::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Autowired
	Customers customers;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registeredCustomerIsFoundByIdAndByUsernameInAnyCaseWithAnEmptyWallet() {
		Customer ada = customer("Ada" + suffix());
		this.transactions.run(() -> this.customers.register(ada, "EUR"));

		assertThat(this.customers.byId(ada.id())).hasValue(ada);
		assertThat(this.customers.byUsername(new Username(ada.username().value().toUpperCase()))).hasValue(ada);
		assertThat(
				this.jdbc.queryForObject("SELECT balance::text || ' ' || currency FROM accounts WHERE customer_id = ?",
						String.class, ada.id().value()))
			.isEqualTo("0.00 EUR");
	}

	@Test
	void rollbackOfTheSurroundingTransactionLeavesNeitherCustomerNorWallet() {
		Customer grace = customer("grace" + suffix());
		assertThatThrownBy(() -> this.transactions.run(() -> {
			this.customers.register(grace, "EUR");
			throw new IllegalStateException("something later in the use case failed");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.customers.byId(grace.id())).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM accounts WHERE customer_id = ?", Integer.class,
				grace.id().value()))
			.isZero();
	}

	@Test
	void usernameTakenInAnotherCaseIsAConflictNamingTheUsername() {
		String name = "linus" + suffix();
		this.transactions.run(() -> this.customers.register(customer(name), "EUR"));

		assertThatThrownBy(
				() -> this.transactions.run(() -> this.customers.register(customer(name.toUpperCase()), "EUR")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("username is taken");
	}

	@Test
	void emailTakenInAnotherCaseIsAConflictNamingTheEmail() {
		Customer first = customer("barbara" + suffix());
		this.transactions.run(() -> this.customers.register(first, "EUR"));
		Customer second = new Customer(CustomerId.random(), new Username("other" + suffix()),
				new Email(first.email().value().toUpperCase()), "hash", Set.of(Role.CUSTOMER), now());

		assertThatThrownBy(() -> this.transactions.run(() -> this.customers.register(second, "EUR")))
			.isInstanceOf(ConflictException.class)
			.hasMessage("email is taken");
	}

	@Test
	void concurrentRegistrationsOfOneUsernameGiveExactlyOneSuccessAndOnlyConflicts() throws Exception {
		String name = "race" + suffix();
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					this.transactions.run(() -> this.customers.register(customer(name), "EUR"));
					return "created";
				}
				catch (ConflictException ex) {
					return "conflict";
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(results).filteredOn("created"::equals).hasSize(1);
		assertThat(results).filteredOn("conflict"::equals).hasSize(threads - 1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customers WHERE lower(username) = lower(?)",
				Integer.class, name))
			.isOne();
	}

	@Test
	void databaseRefusesANegativeBalance() {
		Customer alan = customer("alan" + suffix());
		this.transactions.run(() -> this.customers.register(alan, "EUR"));

		assertThatThrownBy(
				() -> this.jdbc.update("UPDATE accounts SET balance = -0.01 WHERE customer_id = ?", alan.id().value()))
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("accounts_balance_non_negative");
	}

	private static Customer customer(String username) {
		return new Customer(CustomerId.random(), new Username(username), new Email(username + "@example.com"),
				"$argon2id$not-a-real-hash", Set.of(Role.CUSTOMER), now());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
