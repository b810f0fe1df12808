package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code accounts}: the one wallet account of a customer.
 */
@Entity
@Table(name = "accounts")
class AccountEntity extends AssignedIdEntity {

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

	protected AccountEntity() {
		// for JPA
	}

	private AccountEntity(UUID id, CustomerId customerId, Money balance, Instant createdAt) {
		this.id = id;
		this.customerId = customerId.value();
		this.balance = balance.amount();
		this.currency = balance.currency();
		this.createdAt = createdAt;
	}

	/**
	 * A new, empty account in the given currency, opened at the moment its customer
	 * registered with the service.
	 */
	static AccountEntity openFor(CustomerId customerId, String currency, Instant openedAt) {
		return new AccountEntity(UUID.randomUUID(), customerId, Money.zero(currency), openedAt);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

}
