package io.polyglot.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.Password;
import io.polyglot.domain.account.PasswordHasher;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.FieldErrors;
import io.polyglot.domain.shared.InvalidCredentialsException;
import io.polyglot.domain.shared.TooManyAttemptsException;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Logs a customer in: checks the login rate limits, verifies the password and opens a
 * session whose bearer token is returned exactly once.
 */
public final class StartSession {

	/**
	 * Hashed once at start with the real hasher, so checking a password against it costs
	 * the same as checking a real customer's.
	 */
	private static final String DUMMY_PASSWORD = "not-a-password-of-anyone";

	private final Customers customers;

	private final PasswordHasher hasher;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final SessionPolicy policy;

	private final Clock clock;

	private final String dummyHash;

	private final SessionEvents events;

	public StartSession(Customers customers, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle,
			SessionPolicy policy, Clock clock, SessionEvents events) {
		this.events = Objects.requireNonNull(events, "events");
		this.customers = Objects.requireNonNull(customers, "customers");
		this.hasher = Objects.requireNonNull(hasher, "hasher");
		this.sessions = Objects.requireNonNull(sessions, "sessions");
		this.throttle = Objects.requireNonNull(throttle, "throttle");
		this.policy = Objects.requireNonNull(policy, "policy");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.dummyHash = hasher.hash(new Password(DUMMY_PASSWORD));
	}

	/**
	 * Starts a session for the credentials presented from the client address.
	 * @throws TooManyAttemptsException while the username or the address is blocked, even
	 * for the right password
	 * @throws InvalidCredentialsException alike for an unknown username and a wrong
	 * password, so neither is told apart
	 */
	public StartedSession start(Credentials credentials, String clientAddress) {
		Objects.requireNonNull(clientAddress, "clientAddress");
		Username name = credentials.username();
		String clearText = credentials.password();
		String usernameKey = "user:" + name.normalized();
		String addressKey = "address:" + clientAddress;
		String pairKey = pairKey(name, clientAddress);
		refuseWhileBlocked(usernameKey, addressKey, pairKey);

		Optional<Customer> customer = this.customers.byUsername(name);
		// an unknown username is checked against the dummy hash, so it takes as long as a
		// wrong password and the timing does not reveal which usernames exist
		String hash = customer.map(Customer::passwordHash).orElse(this.dummyHash);
		boolean matches = this.hasher.matches(clearText, hash);
		if (customer.isEmpty() || !matches) {
			this.throttle.recordFailure(usernameKey, this.policy.failureWindow());
			this.throttle.recordFailure(addressKey, this.policy.failureWindow());
			int atThisAddress = this.throttle.recordFailure(pairKey, this.policy.failureWindow());
			// the guesser at this address waits longer after each failure; the owner
			// elsewhere does not
			this.policy.delayAfter(atThisAddress).ifPresent((delay) -> this.throttle.block(pairKey, delay));
			throw new InvalidCredentialsException();
		}
		// only the username's counters are forgiven: resetting the address's too would
		// let an attacker clear it by logging into their own account between guesses
		this.throttle.reset(usernameKey);
		this.throttle.reset(pairKey);
		return open(customer.get());
	}

	private StartedSession open(Customer customer) {
		Instant now = this.clock.now();
		Session session = new Session(UUID.randomUUID().toString(), customer.id(), customer.roles(), now, now,
				now.plus(this.policy.absoluteLifetime()));
		SessionToken token = SessionToken.generate();
		this.sessions.create(token.hash(), session, this.policy.idleTimeout());
		// after the session exists: PostgreSQL is needed for the login anyway (the
		// customer was just read from it), so an outage here fails the login as a 503
		this.events.started(session);
		Instant idleExpiry = now.plus(this.policy.idleTimeout());
		Instant expiresAt = idleExpiry.isBefore(session.absoluteExpiry()) ? idleExpiry : session.absoluteExpiry();
		return new StartedSession(token, session, expiresAt);
	}

	/** The username at one client address: what the growing delays slow down. */
	static String pairKey(Username name, String clientAddress) {
		return "user-at-address:" + name.normalized() + "|" + clientAddress;
	}

	private void refuseWhileBlocked(String usernameKey, String addressKey, String pairKey) {
		Optional<Duration> username = this.throttle.blockedFor(usernameKey, this.policy.maxFailuresPerUsername());
		Optional<Duration> address = this.throttle.blockedFor(addressKey, this.policy.maxFailuresPerAddress());
		Optional<Duration> pair = this.throttle.blockedFor(pairKey);
		if (username.isPresent() || address.isPresent() || pair.isPresent()) {
			Duration wait = Duration.ZERO;
			for (Optional<Duration> blocked : List.of(username, address, pair)) {
				if (blocked.isPresent() && blocked.get().compareTo(wait) > 0) {
					wait = blocked.get();
				}
			}
			throw new TooManyAttemptsException(wait);
		}
	}

	/**
	 * A session just opened: the token (only ever handed out here), the session, and when
	 * it ends if left unused.
	 */
	public record StartedSession(SessionToken token, Session session, Instant expiresAt) {

		public StartedSession {
			Objects.requireNonNull(token, "token");
			Objects.requireNonNull(session, "session");
			Objects.requireNonNull(expiresAt, "expiresAt");
		}

	}

	/**
	 * What a login presents: a username and a clear-text password of the shape every
	 * stored password has.
	 */
	public record Credentials(Username username, String password) {

		public Credentials {
			Objects.requireNonNull(username, "username");
			Objects.requireNonNull(password, "password");
		}

		/**
		 * The credentials from the request's texts. Only the shape every stored password
		 * must have is checked; the registration rules are not re-applied, so tightening
		 * them later does not lock anyone out.
		 * @throws ValidationException when a field is missing or cannot be a credential
		 * at all
		 */
		public static Credentials parse(@Nullable String username, @Nullable String password) {
			FieldErrors errors = new FieldErrors();
			Username name = errors.parse("username", username, Username::new);
			if (password == null || password.isEmpty()) {
				errors.add("password", "is required");
			}
			else if (password.length() > Password.MAX_LENGTH) {
				errors.add("password", "must be at most " + Password.MAX_LENGTH + " characters");
			}
			errors.throwIfAny();
			return new Credentials(Objects.requireNonNull(name), Objects.requireNonNull(password));
		}

	}

}
