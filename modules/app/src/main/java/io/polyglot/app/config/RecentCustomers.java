package io.polyglot.app.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.CustomerId;

/**
 * The customers of record with the ones recently read by id kept in memory, for
 * {@code GET /me}: the caller's session is checked in Redis on every request, but the
 * customer it names was read from PostgreSQL every time too (a JPA transaction, a third
 * of the request's CPU). A customer record never changes once registered (the port has no
 * update or delete), so a copy read by id cannot go stale; it is bounded and dropped
 * after a while, so memory holds only the customers in use. Only hits are kept: an id not
 * found is asked again. Revocation is unaffected: it lives in the session, which is not
 * cached.
 */
final class RecentCustomers implements Customers {

	private final Customers customers;

	private final Cache<CustomerId, Customer> byId = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	RecentCustomers(Customers customers) {
		this.customers = Objects.requireNonNull(customers, "customers");
	}

	@Override
	public void register(Customer customer, String currency) {
		this.customers.register(customer, currency);
	}

	@Override
	public Optional<Customer> byId(CustomerId id) {
		Customer known = this.byId.getIfPresent(id);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Customer> read = this.customers.byId(id);
		read.ifPresent((customer) -> this.byId.put(id, customer));
		return read;
	}

	@Override
	public Optional<Customer> byUsername(Username username) {
		return this.customers.byUsername(username);
	}

}
