package io.polyglot.domain.account;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;

/** Finds a customer of record by id, such as the caller of {@code GET /me}. */
public final class LookUpCustomer {

	private final Customers customers;

	public LookUpCustomer(Customers customers) {
		this.customers = Objects.requireNonNull(customers, "customers");
	}

	/**
	 * The customer with this id.
	 * @throws NotFoundException when there is none
	 */
	public Customer byId(CustomerId id) {
		return this.customers.byId(id).orElseThrow(() -> new NotFoundException("No customer " + id + "."));
	}

}
