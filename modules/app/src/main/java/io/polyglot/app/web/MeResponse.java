package io.polyglot.app.web;

import java.util.List;

import io.polyglot.domain.account.Customer;

/** The caller as {@code GET /api/v1/me} returns it. */
public record MeResponse(String id, String username, String email, List<String> roles) {

	static MeResponse of(Customer customer) {
		return new MeResponse(customer.id().toString(), customer.username().value(), customer.email().value(),
				customer.roles().stream().map(Enum::name).sorted().toList());
	}

}
