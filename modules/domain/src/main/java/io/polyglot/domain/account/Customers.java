package io.polyglot.domain.account;

import java.util.Optional;

import io.polyglot.domain.shared.CustomerId;

/** Port to the customers of record (PostgreSQL). */
public interface Customers {

	/**
	 * Stores a new customer together with its wallet account (balance zero) in the
	 * current transaction.
	 * @throws io.polyglot.domain.shared.ConflictException when the username or e-mail is
	 * taken (case-insensitive), naming which
	 */
	void register(Customer customer, String currency);

	Optional<Customer> byId(CustomerId id);

	/** Looks up by username, case-insensitive. */
	Optional<Customer> byUsername(Username username);

}
