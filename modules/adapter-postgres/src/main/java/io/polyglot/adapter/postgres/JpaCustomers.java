package io.polyglot.adapter.postgres;

import java.util.Optional;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Customers} in PostgreSQL: a customer and its wallet are written in one
 * transaction.
 */
class JpaCustomers implements Customers {

	private final CustomerRepository customers;

	private final AccountRepository accounts;

	JpaCustomers(CustomerRepository customers, AccountRepository accounts) {
		this.customers = customers;
		this.accounts = accounts;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void register(Customer customer, String currency) {
		try {
			// flush now so a duplicate surfaces here, as a conflict, not at commit time
			this.customers.saveAndFlush(CustomerEntity.of(customer));
		}
		catch (DataIntegrityViolationException ex) {
			throw conflict(ex);
		}
		this.accounts.saveAndFlush(AccountEntity.openFor(customer.id().value(), currency, customer.createdAt()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Customer> byId(CustomerId id) {
		return this.customers.findById(id.value()).map(CustomerEntity::toDomain);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Customer> byUsername(Username username) {
		return this.customers.findByNormalizedUsername(username.normalized()).map(CustomerEntity::toDomain);
	}

	/**
	 * Names the taken field from the violated unique index. Two concurrent registrations
	 * of the same name meet on that index: the second waits for the first to commit, then
	 * fails here with SQLSTATE 23505.
	 */
	private static RuntimeException conflict(DataIntegrityViolationException ex) {
		String constraint = ConstraintNames.violated(ex);
		if ("customers_username_key".equals(constraint)) {
			return new ConflictException("username is taken");
		}
		if ("customers_email_key".equals(constraint)) {
			return new ConflictException("email is taken");
		}
		return ex;
	}

}
