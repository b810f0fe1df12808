package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.springframework.data.domain.Persistable;

/**
 * A row of {@code accounts}: the one wallet account of a customer.
 */
@Entity
@Table(name = "accounts")
class AccountEntity implements Persistable<UUID> {

	@Id
	private UUID id;

	// a plain id, not a @ManyToOne: the account is never navigated to its customer, and
	// the foreign key in the schema already guarantees the customer exists
	@Column(name = "customer_id", nullable = false, unique = true)
	private UUID customerId;

	@Column(name = "balance", precision = 19, scale = 2, nullable = false)
	private BigDecimal balance;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "currency", length = 3, nullable = false)
	private String currency;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	// a fresh random id would make Spring Data merge (an extra SELECT) instead of persist
	@Transient
	private boolean isNew;

	protected AccountEntity() {
		// for JPA
	}

	private AccountEntity(UUID id, CustomerId customerId, Money balance, Instant createdAt) {
		this.id = id;
		this.customerId = customerId.value();
		this.balance = balance.amount();
		this.currency = balance.currency();
		this.createdAt = createdAt;
		this.isNew = true;
	}

	/**
	 * A new, empty account in the given currency, opened at the moment its customer
	 * registered.
	 */
	static AccountEntity openFor(CustomerId customerId, String currency, Instant openedAt) {
		return new AccountEntity(UUID.randomUUID(), customerId, Money.zero(currency), openedAt);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.isNew = false;
	}

}
