package io.polyglot.domain.account;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.polyglot.domain.shared.ConflictException;

/**
 * Makes sure the configured operator account exists, registering it with the roles
 * CUSTOMER and ADMIN when its username is still free.
 */
public final class BootstrapAdministrator {

	private final Customers customers;

	private final RegisterCustomer registerCustomer;

	public BootstrapAdministrator(Customers customers, RegisterCustomer registerCustomer) {
		this.customers = Objects.requireNonNull(customers, "customers");
		this.registerCustomer = Objects.requireNonNull(registerCustomer, "registerCustomer");
	}

	/**
	 * Registers the operator unless a customer with that username exists; an existing
	 * customer is left exactly as it is (its password and roles are never overwritten
	 * from configuration).
	 * @throws io.polyglot.domain.shared.ValidationException when a value breaks the
	 * model's rules
	 * @throws ConflictException when the e-mail belongs to another customer
	 */
	public Outcome ensure(String username, String email, String password) {
		Username name = new Username(username);
		Optional<Customer> existing = this.customers.byUsername(name);
		if (existing.isPresent()) {
			return new Outcome(existing.get(), false);
		}
		try {
			return new Outcome(this.registerCustomer.register(RegisterCustomer.Command.parse(username, email, password),
					Set.of(Role.CUSTOMER, Role.ADMIN)), true);
		}
		catch (ConflictException ex) {
			// another instance of the service may have registered it a moment ago
			return this.customers.byUsername(name)
				.map((customer) -> new Outcome(customer, false))
				.orElseThrow(() -> ex);
		}
	}

	/** The operator account and whether this call created it. */
	public record Outcome(Customer customer, boolean created) {

		public Outcome {
			Objects.requireNonNull(customer, "customer");
		}

	}

}
