package io.polyglot.app.web;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/customers}; fields are checked by the domain, which names
 * every missing or malformed one.
 */
public record RegisterCustomerRequest(@Nullable String username, @Nullable String email, @Nullable String password) {

	@Override
	public String toString() {
		return "RegisterCustomerRequest[username=" + this.username + ", email=" + this.email + ", password=[hidden]]";
	}

}
