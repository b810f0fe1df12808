package io.polyglot.adapter.postgres;

import java.util.Optional;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customers of record in PostgreSQL, each registered together with its wallet
 * account; uniqueness of username and e-mail is decided by the database, not by a
 * check-then-insert in Java.
 */
final class JpaCustomers implements Customers {

	/** Unique index on {@code lower(username)} (see V1__customers_and_accounts.sql). */
	static final String USERNAME_KEY = "customers_username_key";

	/** Unique index on {@code lower(email)} (see V1__customers_and_accounts.sql). */
	static final String EMAIL_KEY = "customers_email_key";

	private final CustomerRepository customers;

	private final AccountRepository accounts;

	private final TransactionTemplate callersTransaction;

	JpaCustomers(CustomerRepository customers, AccountRepository accounts,
			PlatformTransactionManager transactionManager) {
		this.customers = customers;
		this.accounts = accounts;
		this.callersTransaction = new TransactionTemplate(transactionManager);
		// the port promises "in the current transaction": opening one here would let the
		// customer commit without whatever else the use case writes with it
		this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
	}

	@Override
	public void register(Customer customer, String currency) {
		try {
			PostgresCalls.call(() -> this.callersTransaction.execute((status) -> {
				this.customers.save(CustomerEntity.from(customer));
				this.accounts.save(AccountEntity.openFor(customer.id(), currency, customer.createdAt()));
				// without the flush a duplicate would only fail at commit, outside this
				// call, as an untranslated exception
				this.accounts.flush();
				return customer;
			}));
		}
		catch (DataIntegrityViolationException ex) {
			ConflictException conflict = conflictFor(ex);
			throw (conflict != null) ? conflict : ex;
		}
	}

	@Override
	public Optional<Customer> byId(CustomerId id) {
		return PostgresCalls.call(() -> this.customers.findById(id.value())).map(CustomerEntity::toDomain);
	}

	@Override
	public Optional<Customer> byUsername(Username username) {
		return PostgresCalls.call(() -> this.customers.findByNormalizedUsername(username.normalized()))
			.map(CustomerEntity::toDomain);
	}

	/**
	 * The conflict a unique violation stands for, told apart by the violated index's name
	 * as the server reports it (a field of the error, not its text, which follows
	 * lc_messages); null for any other integrity violation, which stays as it is.
	 */
	static @Nullable ConflictException conflictFor(DataIntegrityViolationException ex) {
		String constraint = ConstraintNames.violated(ex);
		if (USERNAME_KEY.equals(constraint)) {
			return new ConflictException("username is taken");
		}
		if (EMAIL_KEY.equals(constraint)) {
			return new ConflictException("email is taken");
		}
		return null;
	}

}
