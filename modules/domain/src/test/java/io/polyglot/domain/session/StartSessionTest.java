package io.polyglot.domain.session;

import java.time.Duration;
import java.time.Instant;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.RegisterCustomer;
import io.polyglot.domain.shared.InvalidCredentialsException;
import io.polyglot.domain.shared.TooManyAttemptsException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.FakePasswordHasher;
import io.polyglot.domain.support.InMemoryCustomers;
import io.polyglot.domain.support.InMemoryLoginThrottle;
import io.polyglot.domain.support.InMemorySessions;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class StartSessionTest {

	private static final String ADDRESS = "192.0.2.10";

	private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 3, 5,
			Duration.ofMinutes(15));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T10:00:00Z"));

	private final InMemoryCustomers customers = new InMemoryCustomers();

	private final FakePasswordHasher hasher = new FakePasswordHasher();

	private final InMemorySessions sessions = new InMemorySessions();

	private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(this.clock);

	private StartSession startSession;

	private Customer ada;

	private final RecordingOutbox outbox = new RecordingOutbox();

	@BeforeEach
	void registerAda() {
		this.ada = new RegisterCustomer(this.customers, this.hasher, new DirectTransactions(), this.clock, "EUR",
				new RecordingOutbox())
			.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));
		this.startSession = new StartSession(this.customers, this.hasher, this.sessions, this.throttle, POLICY,
				this.clock, new SessionEvents(this.outbox, new DirectTransactions(), this.clock));
		this.hasher.comparedHashes().clear();
	}

	@Test
	void opensASessionStoredOnlyUnderTheTokenHash() {
		StartSession.StartedSession started = this.startSession
			.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS);

		Instant now = this.clock.now();
		assertThat(started.expiresAt()).isEqualTo(now.plus(POLICY.idleTimeout()));
		Session session = started.session();
		assertThat(session.customerId()).isEqualTo(this.ada.id());
		assertThat(session.roles()).isEqualTo(this.ada.roles());
		assertThat(session.createdAt()).isEqualTo(now);
		assertThat(session.lastSeenAt()).isEqualTo(now);
		assertThat(session.absoluteExpiry()).isEqualTo(now.plus(POLICY.absoluteLifetime()));
		assertThat(session.id()).isNotEqualTo(started.token().value()).isNotEqualTo(started.token().hash());
		assertThat(this.sessions.stored()).containsOnlyKeys(started.token().hash());
	}

	@Test
	void usernamesAreMatchedWithoutRegardToCase() {
		assertThat(this.startSession.start(StartSession.Credentials.parse("ADA", "correct horse"), ADDRESS)
			.session()
			.customerId()).isEqualTo(this.ada.id());
	}

	@Test
	void anUnknownUsernameIsCheckedAgainstTheDummyHashAndFailsLikeAWrongPassword() {
		Throwable unknown = catchThrowable(
				() -> this.startSession.start(StartSession.Credentials.parse("nobody", "correct horse"), ADDRESS));
		Throwable wrong = catchThrowable(
				() -> this.startSession.start(StartSession.Credentials.parse("ada", "wrong horse"), ADDRESS));

		assertThat(unknown).isInstanceOf(InvalidCredentialsException.class);
		assertThat(wrong).isInstanceOf(InvalidCredentialsException.class);
		assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
		// one slow comparison each: against the dummy hash, then against ada's
		assertThat(this.hasher.comparedHashes()).hasSize(2);
		assertThat(this.hasher.comparedHashes().get(0)).startsWith("fake$").isNotEqualTo(this.ada.passwordHash());
		assertThat(this.hasher.comparedHashes().get(1)).isEqualTo(this.ada.passwordHash());
		assertThat(this.sessions.stored()).isEmpty();
	}

	@Test
	void failuresCountForTheUsernameAndTheAddress() {
		catchThrowable(() -> this.startSession.start(StartSession.Credentials.parse("nobody", "whatever1"), ADDRESS));
		catchThrowable(() -> this.startSession.start(StartSession.Credentials.parse("Ada", "whatever2"), ADDRESS));

		assertThat(this.throttle.failures("user:nobody")).isEqualTo(1);
		assertThat(this.throttle.failures("user:ada")).isEqualTo(1);
		assertThat(this.throttle.failures("address:" + ADDRESS)).isEqualTo(2);
	}

	@Test
	void aBlockedUsernameIsRefusedEvenWithTheRightPasswordUntilTheWindowEnds() {
		for (int i = 0; i < POLICY.maxFailuresPerUsername(); i++) {
			assertThatExceptionOfType(InvalidCredentialsException.class).isThrownBy(() -> this.startSession
				.start(StartSession.Credentials.parse("ada", "wrong horse"), "198.51.100." + 1));
		}
		this.clock.advance(Duration.ofMinutes(5));
		int comparisons = this.hasher.comparedHashes().size();

		TooManyAttemptsException blocked = catchThrowableOfType(
				() -> this.startSession.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS));

		assertThat(blocked.retryAfter()).isEqualTo(Duration.ofMinutes(10));
		assertThat(blocked.retryAfterSeconds()).isEqualTo(600);
		// a blocked attempt costs no hash and opens nothing
		assertThat(this.hasher.comparedHashes()).hasSize(comparisons);
		assertThat(this.sessions.stored()).isEmpty();

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.startSession.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS)
			.session()
			.customerId()).isEqualTo(this.ada.id());
	}

	@Test
	void aBlockedAddressIsRefusedForEveryUsername() {
		for (int i = 0; i < POLICY.maxFailuresPerAddress(); i++) {
			String username = "guess" + i;
			catchThrowable(
					() -> this.startSession.start(StartSession.Credentials.parse(username, "whatever1"), ADDRESS));
		}

		assertThatExceptionOfType(TooManyAttemptsException.class)
			.isThrownBy(() -> this.startSession.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS));
		assertThat(this.startSession.start(StartSession.Credentials.parse("ada", "correct horse"), "192.0.2.99"))
			.isNotNull();
	}

	@Test
	void successForgivesTheUsernameButNotTheAddress() {
		catchThrowable(() -> this.startSession.start(StartSession.Credentials.parse("ada", "wrong horse"), ADDRESS));
		catchThrowable(() -> this.startSession.start(StartSession.Credentials.parse("ada", "wrong horse"), ADDRESS));

		this.startSession.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS);

		assertThat(this.throttle.failures("user:ada")).isZero();
		assertThat(this.throttle.failures("address:" + ADDRESS)).isEqualTo(2);
	}

	@Test
	void malformedInputIsAValidationErrorThatCountsNoFailure() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.startSession.start(StartSession.Credentials.parse(null, null), ADDRESS))
			.satisfies((ex) -> assertThat(ex.errors()).hasSize(2));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> this.startSession.start(StartSession.Credentials.parse("a\nb", "correct horse"), ADDRESS));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.startSession.start(StartSession.Credentials.parse("ada", "x".repeat(129)), ADDRESS));
		assertThat(this.throttle.failures("address:" + ADDRESS)).isZero();
		assertThat(this.hasher.comparedHashes()).isEmpty();
	}

	private static TooManyAttemptsException catchThrowableOfType(Runnable attempt) {
		Throwable thrown = catchThrowable(attempt::run);
		assertThat(thrown).isInstanceOf(TooManyAttemptsException.class);
		return (TooManyAttemptsException) thrown;
	}

	@Test
	void aGuesserAtOneAddressWaitsLongerAfterEachFailureWhileTheOwnerElsewhereLogsIn() {
		SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 50, 1000,
				Duration.ofMinutes(15), 3, Duration.ofSeconds(5), Duration.ofMinutes(1));
		StartSession start = new StartSession(this.customers, this.hasher, this.sessions, this.throttle, policy,
				this.clock, new SessionEvents(this.outbox, new DirectTransactions(), this.clock));
		String attacker = "203.0.113.66";
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InvalidCredentialsException.class)
				.isThrownBy(() -> start.start(StartSession.Credentials.parse("ada", "wrong horse"), attacker));
		}
		// the third failure starts the delays: 5 s, then 10 s, 20 s, ... up to 1 min
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> start.start(StartSession.Credentials.parse("ada", "wrong horse"), attacker));
		for (Duration expected : new Duration[] { Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
				Duration.ofSeconds(40), Duration.ofMinutes(1), Duration.ofMinutes(1) }) {
			TooManyAttemptsException blocked = catchThrowableOfType(
					() -> start.start(StartSession.Credentials.parse("ada", "correct horse"), attacker));
			assertThat(blocked.retryAfter()).isEqualTo(expected);
			this.clock.advance(expected);
			assertThatExceptionOfType(InvalidCredentialsException.class)
				.isThrownBy(() -> start.start(StartSession.Credentials.parse("ada", "wrong horse"), attacker));
		}
		// the owner, elsewhere, is not locked out by all of this
		assertThat(start.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS).session().customerId())
			.isEqualTo(this.ada.id());
	}

	@Test
	void theOwnersLoginForgivesTheUsernameAtItsAddress() {
		SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 50, 1000,
				Duration.ofMinutes(15), 2, Duration.ofSeconds(5), Duration.ofMinutes(1));
		StartSession start = new StartSession(this.customers, this.hasher, this.sessions, this.throttle, policy,
				this.clock, new SessionEvents(this.outbox, new DirectTransactions(), this.clock));
		catchThrowable(() -> start.start(StartSession.Credentials.parse("ada", "wrong horse"), ADDRESS));
		start.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS);
		// the count starts again: one more failure is still free
		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> start.start(StartSession.Credentials.parse("ada", "wrong horse"), ADDRESS));
		assertThat(start.start(StartSession.Credentials.parse("ada", "correct horse"), ADDRESS)).isNotNull();
	}

	@Test
	void delaysDoubleUpToTheLongestAndNeverOverflow() {
		SessionPolicy policy = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 50, 100,
				Duration.ofMinutes(15), 5, Duration.ofSeconds(5), Duration.ofMinutes(15));
		assertThat(policy.delayAfter(4)).isEmpty();
		assertThat(policy.delayAfter(5)).contains(Duration.ofSeconds(5));
		assertThat(policy.delayAfter(6)).contains(Duration.ofSeconds(10));
		assertThat(policy.delayAfter(12)).contains(Duration.ofSeconds(640));
		assertThat(policy.delayAfter(13)).contains(Duration.ofMinutes(15));
		assertThat(policy.delayAfter(Integer.MAX_VALUE)).contains(Duration.ofMinutes(15));
	}

}
