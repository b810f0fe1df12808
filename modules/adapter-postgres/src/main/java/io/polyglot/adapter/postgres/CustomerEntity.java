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
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code customers}; mapped to and from the domain's {@link Customer} here so
 * that no JPA type leaves the adapter.
 */
@Entity
@Table(name = "customers")
class CustomerEntity extends AssignedIdEntity {

	@Id
	private UUID id;

	@Column(name = "username", length = 32, nullable = false)
	private String username;

	@Column(name = "email", length = 254, nullable = false)
	private String email;

	@Column(name = "password_hash", length = 255, nullable = false)
	private String passwordHash;

	@Column(name = "roles", length = 64, nullable = false)
	private String roles;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected CustomerEntity() {
		// for JPA
	}

	private CustomerEntity(Customer customer) {
		this.id = customer.id().value();
		this.username = customer.username().value();
		this.email = customer.email().value();
		this.passwordHash = customer.passwordHash();
		this.roles = writeRoles(customer.roles());
		this.createdAt = customer.createdAt();
	}

	static CustomerEntity from(Customer customer) {
		return new CustomerEntity(customer);
	}

	Customer toDomain() {
		return new Customer(new CustomerId(this.id), new Username(this.username), new Email(this.email),
				this.passwordHash, readRoles(this.roles), this.createdAt);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/** Canonical form, in the enum's order, so equal role sets are stored alike. */
	static String writeRoles(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	static Set<Role> readRoles(@Nullable String roles) {
		if (roles == null || roles.isEmpty()) {
			return Set.of();
		}
		Set<Role> parsed = EnumSet.noneOf(Role.class);
		Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(parsed::add);
		return parsed;
	}

}
