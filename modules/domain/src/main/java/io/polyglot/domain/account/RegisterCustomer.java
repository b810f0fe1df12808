package io.polyglot.domain.account;

import java.util.Objects;
import java.util.Set;

import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.FieldErrors;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
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
	 * @throws io.polyglot.domain.shared.ConflictException when the username or e-mail is
	 * taken already
	 */
	public Customer register(Command command) {
		return register(command, Set.of(Role.CUSTOMER));
	}

	/** Registers a customer with the given roles; for the operator bootstrap. */
	Customer register(Command command, Set<Role> roles) {
		Username validUsername = command.username();
		Email validEmail = command.email();
		Password validPassword = command.password();
		// hashed before the transaction starts: the deliberately slow hash must not
		// hold a database connection
		String hash = this.hasher.hash(validPassword);
		Customer customer = new Customer(CustomerId.random(), validUsername, validEmail, hash, roles, this.clock.now());
		this.transactions.run(() -> {
			this.customers.register(customer, this.currency);
			this.outbox.add(new CustomerEvent.CustomerRegistered(customer.id(), customer.username()),
					customer.createdAt());
		});
		return customer;
	}

	/** What a registration asks for: a username, an e-mail address and a password. */
	public record Command(Username username, Email email, Password password) {

		public Command {
			Objects.requireNonNull(username, "username");
			Objects.requireNonNull(email, "email");
			Objects.requireNonNull(password, "password");
		}

		/**
		 * The command from the request's texts.
		 * @throws ValidationException naming every field that is missing or malformed
		 */
		public static Command parse(@Nullable String username, @Nullable String email, @Nullable String password) {
			FieldErrors errors = new FieldErrors();
			Username validUsername = errors.parse("username", username, Username::new);
			Email validEmail = errors.parse("email", email, Email::new);
			Password validPassword = errors.parse("password", password, Password::new);
			errors.throwIfAny();
			return new Command(Objects.requireNonNull(validUsername), Objects.requireNonNull(validEmail),
					Objects.requireNonNull(validPassword));
		}

	}

}
