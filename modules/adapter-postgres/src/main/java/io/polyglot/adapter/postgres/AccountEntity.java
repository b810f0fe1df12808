package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code accounts}: a customer's wallet. */
@Entity
@Table(name = "accounts")
class AccountEntity {

	@Id
	private UUID id;

	@Column(name = "customer_id", nullable = false, unique = true)
	private UUID customerId;

	@Column(nullable = false, precision = 19, scale = 2)
	private BigDecimal balance;

	@Column(nullable = false, length = 3, columnDefinition = "char(3)")
	private String currency;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected AccountEntity() {
		// for JPA
	}

	/** A new empty wallet for the customer. */
	static AccountEntity openFor(UUID customerId, String currency, Instant createdAt) {
		AccountEntity entity = new AccountEntity();
		entity.id = UUID.randomUUID();
		entity.customerId = customerId;
		entity.balance = BigDecimal.ZERO.setScale(2);
		entity.currency = currency;
		entity.createdAt = createdAt;
		return entity;
	}

	UUID customerId() {
		return this.customerId;
	}

	BigDecimal balance() {
		return this.balance;
	}

	String currency() {
		return this.currency;
	}

}
