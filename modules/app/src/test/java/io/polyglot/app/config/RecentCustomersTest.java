package io.polyglot.app.config;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCustomersTest {

	private final CountingCustomers store = new CountingCustomers();

	private final RecentCustomers customers = new RecentCustomers(this.store);

	@Test
	void aCustomerReadByIdIsServedFromMemoryTheNextTime() {
		Customer ada = customer("ada");
		this.customers.register(ada, "EUR");

		assertThat(this.customers.byId(ada.id())).contains(ada);
		assertThat(this.customers.byId(ada.id())).contains(ada);

		assertThat(this.store.byIdReads).isEqualTo(1);
	}

	@Test
	void anIdNotFoundIsAskedAgainSoALaterRegistrationIsSeen() {
		Customer bob = customer("bob");

		assertThat(this.customers.byId(bob.id())).isEmpty();
		this.customers.register(bob, "EUR");

		assertThat(this.customers.byId(bob.id())).contains(bob);
		assertThat(this.store.byIdReads).isEqualTo(2);
	}

	@Test
	void lookupsByUsernameAlwaysReachTheStore() {
		Customer cyd = customer("cyd");
		this.customers.register(cyd, "EUR");

		assertThat(this.customers.byUsername(new Username("cyd"))).contains(cyd);
		assertThat(this.customers.byUsername(new Username("cyd"))).contains(cyd);

		assertThat(this.store.byUsernameReads).isEqualTo(2);
	}

	private static Customer customer(String name) {
		return new Customer(CustomerId.random(), new Username(name), new Email(name + "@example.com"),
				"$argon2id$not-a-real-hash", Set.of(Role.CUSTOMER), Instant.parse("2026-12-02T12:00:00Z"));
	}

	/** The port in a map, counting the reads that reach it. */
	private static final class CountingCustomers implements Customers {

		private final Map<CustomerId, Customer> byId = new HashMap<>();

		int byIdReads;

		int byUsernameReads;

		@Override
		public void register(Customer customer, String currency) {
			this.byId.put(customer.id(), customer);
		}

		@Override
		public Optional<Customer> byId(CustomerId id) {
			this.byIdReads++;
			return Optional.ofNullable(this.byId.get(id));
		}

		@Override
		public Optional<Customer> byUsername(Username username) {
			this.byUsernameReads++;
			return this.byId.values().stream().filter((c) -> c.username().equals(username)).findFirst();
		}

	}

}
