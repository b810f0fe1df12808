package io.polyglot.domain.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;

/**
 * The customers port in a map, with the same case-insensitive uniqueness as the store.
 */
public final class InMemoryCustomers implements Customers {

	private final Map<CustomerId, Customer> byId = new ConcurrentHashMap<>();

	private final Map<CustomerId, String> currencies = new ConcurrentHashMap<>();

	@Override
	public synchronized void register(Customer customer, String currency) {
		for (Customer existing : this.byId.values()) {
			if (existing.username().normalized().equals(customer.username().normalized())) {
				throw new ConflictException("username is taken");
			}
			if (existing.email().normalized().equals(customer.email().normalized())) {
				throw new ConflictException("email is taken");
			}
		}
		this.byId.put(customer.id(), customer);
		this.currencies.put(customer.id(), currency);
	}

	@Override
	public Optional<Customer> byId(CustomerId id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public Optional<Customer> byUsername(Username username) {
		return this.byId.values()
			.stream()
			.filter((customer) -> customer.username().normalized().equals(username.normalized()))
			.findFirst();
	}

	public int size() {
		return this.byId.size();
	}

	public String currencyOf(CustomerId id) {
		return this.currencies.get(id);
	}

}
