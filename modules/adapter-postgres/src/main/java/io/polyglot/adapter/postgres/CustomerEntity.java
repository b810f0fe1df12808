package io.polyglot.adapter.postgres;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.CustomerId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code customers}; mapped to {@link Customer} at the adapter edge. */
@Entity
@Table(name = "customers")
class CustomerEntity {

	@Id
	private UUID id;

	@Column(nullable = false, length = 32)
	private String username;

	@Column(nullable = false, length = 254)
	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(nullable = false, length = 64)
	private String roles;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected CustomerEntity() {
		// for JPA
	}

	static CustomerEntity of(Customer customer) {
		CustomerEntity entity = new CustomerEntity();
		entity.id = customer.id().value();
		entity.username = customer.username().value();
		entity.email = customer.email().value();
		entity.passwordHash = customer.passwordHash();
		entity.roles = customer.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
		entity.createdAt = customer.createdAt();
		return entity;
	}

	Customer toDomain() {
		Set<Role> parsedRoles = EnumSet.noneOf(Role.class);
		Arrays.stream(this.roles.split(","))
			.filter((role) -> !role.isBlank())
			.map(Role::valueOf)
			.forEach(parsedRoles::add);
		return new Customer(new CustomerId(this.id), new Username(this.username), new Email(this.email),
				this.passwordHash, parsedRoles, this.createdAt);
	}

}
