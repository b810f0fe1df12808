package io.polyglot.domain.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link Customers} implementation must do, run by each implementation's
 * integration test against its real store. Every test uses fresh names, so tests never
 * depend on each other's rows.
 */
public abstract class CustomersContract {

	protected static final String CURRENCY = "EUR";

	protected abstract Customers customers();

	protected abstract Transactions transactions();

	/** A new customer with a unique username and e-mail and the role CUSTOMER. */
	protected static Customer newCustomer() {
		String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		return newCustomer(name, name + "@example.com", Set.of(Role.CUSTOMER));
	}

	protected static Customer newCustomer(String username, String email, Set<Role> roles) {
		return new Customer(CustomerId.random(), new Username(username), new Email(email), "$argon2id$not-a-real-hash",
				roles, Clock.system().now());
	}

	protected void register(Customer customer) {
		transactions().run(() -> customers().register(customer, CURRENCY));
	}

	@Test
	protected void registeredCustomerReadsBackByIdWithEveryField() {
		Customer customer = newCustomer("Ada.Lovelace-" + suffix(), "Ada." + suffix() + "@Example.com",
				Set.of(Role.CUSTOMER, Role.ADMIN));
		register(customer);

		assertThat(customers().byId(customer.id())).contains(customer);
	}

	@Test
	protected void registeredCustomerIsFoundByUsernameInAnyCase() {
		Customer customer = newCustomer();
		register(customer);

		String typed = customer.username().value();
		assertThat(customers().byUsername(new Username(typed.toUpperCase(Locale.ROOT)))).contains(customer);
		assertThat(customers().byUsername(new Username(typed))).contains(customer);
	}

	@Test
	protected void unknownIdAndUsernameFindNothing() {
		assertThat(customers().byId(CustomerId.random())).isEmpty();
		assertThat(customers().byUsername(new Username("nobody-" + suffix()))).isEmpty();
	}

	@Test
	protected void usernameTakenInAnotherCaseIsAConflictNamingTheUsername() {
		Customer first = newCustomer();
		register(first);
		Customer second = newCustomer(first.username().value().toUpperCase(Locale.ROOT),
				"other-" + suffix() + "@example.com", Set.of(Role.CUSTOMER));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> register(second))
			.withMessageContaining("username");
		assertThat(customers().byId(second.id())).isEmpty();
	}

	@Test
	protected void emailTakenInAnotherCaseIsAConflictNamingTheEmail() {
		Customer first = newCustomer();
		register(first);
		Customer second = newCustomer("other-" + suffix(), first.email().value().toUpperCase(Locale.ROOT),
				Set.of(Role.CUSTOMER));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> register(second))
			.withMessageContaining("email");
		assertThat(customers().byId(second.id())).isEmpty();
	}

	@Test
	protected void concurrentRegistrationsOfOneUsernameGiveOneSuccessAndOnlyConflicts() throws Exception {
		int threads = 16;
		String username = "race-" + suffix();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Customer>> attempts = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				// distinct e-mails, so only the username can clash
				Customer customer = newCustomer(username, username + "-" + i + "@example.com", Set.of(Role.CUSTOMER));
				attempts.add(executor.submit(() -> {
					start.await();
					register(customer);
					return customer;
				}));
			}
			start.countDown();

			List<Customer> registered = new ArrayList<>();
			List<Throwable> failures = new ArrayList<>();
			for (Future<Customer> attempt : attempts) {
				try {
					registered.add(attempt.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			assertThat(registered).hasSize(1);
			assertThat(failures).hasSize(threads - 1)
				.allSatisfy((failure) -> assertThat(failure).isInstanceOf(ConflictException.class)
					.hasMessageContaining("username"));
			assertThat(customers().byUsername(new Username(username))).contains(registered.get(0));
		}
		finally {
			executor.shutdownNow();
		}
	}

	protected static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
