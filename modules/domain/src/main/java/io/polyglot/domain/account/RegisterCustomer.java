package io.polyglot.domain.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Registers a new customer with a hashed password and an empty wallet account in the
 * service's currency.
 */
public final class RegisterCustomer {

	private final Customers customers;

	private final PasswordHasher hasher;

	private final Transactions transactions;

	private final Clock clock;

	private final String currency;

	private final Outbox outbox;

	public RegisterCustomer(Customers customers, PasswordHasher hasher, Transactions transactions, Clock clock,
			String currency, Outbox outbox) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.customers = Objects.requireNonNull(customers, "customers");
		this.hasher = Objects.requireNonNull(hasher, "hasher");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
		// fail at wiring time, not at the first registration, on a currency Money refuses
		this.currency = Money.zero(currency).currency();
	}

	/**
	 * Registers a customer with the role CUSTOMER.
	 * @throws ValidationException naming every field that is missing or malformed
	 * @throws io.polyglot.domain.shared.ConflictException when the username or e-mail is
	 * taken
	 */
	public Customer register(@Nullable String username, @Nullable String email, @Nullable String password) {
		return register(username, email, password, Set.of(Role.CUSTOMER));
	}

	/** Registers a customer with the given roles; for the operator bootstrap. */
	Customer register(@Nullable String username, @Nullable String email, @Nullable String password, Set<Role> roles) {
		List<FieldError> errors = new ArrayList<>();
		Username validUsername = parse("username", username, Username::new, errors);
		Email validEmail = parse("email", email, Email::new, errors);
		Password validPassword = parse("password", password, Password::new, errors);
		if (validUsername == null || validEmail == null || validPassword == null) {
			throw new ValidationException(errors);
		}
		// hashed before the transaction starts: the deliberately slow hash must not
		// hold a database connection
		String hash = this.hasher.hash(validPassword);
		Customer customer = new Customer(CustomerId.random(), validUsername, validEmail, hash, roles, this.clock.now());
		this.transactions.run(() -> {
			this.customers.register(customer, this.currency);
			this.outbox.add(DomainEvent.of(EventStream.customer(customer.id().value()), EventTypes.CUSTOMER_REGISTERED,
					customer.createdAt(), customer.id(),
					Map.of("customerId", customer.id().toString(), "username", customer.username().value())));
		});
		return customer;
	}

	/**
	 * Parses one field, collecting its errors so a client learns about every bad field at
	 * once.
	 */
	static <T> @Nullable T parse(String field, @Nullable String text, Function<String, T> parser,
			List<FieldError> errors) {
		if (text == null) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		try {
			return parser.apply(text);
		}
		catch (ValidationException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

}
