package io.polyglot.app.web;

import io.polyglot.domain.account.Customer;

/** A customer as {@code POST /api/v1/customers} returns it: never the password hash. */
public record CustomerResponse(String id, String username, String email) {

	static CustomerResponse of(Customer customer) {
		return new CustomerResponse(customer.id().toString(), customer.username().value(), customer.email().value());
	}

}
