package io.polyglot.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.polyglot.domain.shared.CustomerId;

/** A registered customer; the password is only ever held as a hash. */
public record Customer(CustomerId id, Username username, Email email, String passwordHash, Set<Role> roles,
		Instant createdAt) {

	public Customer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(passwordHash, "passwordHash");
		Objects.requireNonNull(createdAt, "createdAt");
		roles = Set.copyOf(roles);
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

}
