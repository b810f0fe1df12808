package io.polyglot.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.shared.CustomerId;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link Sessions} implementation must do, run by each implementation's
 * integration test against its real store.
 * <p>
 * Expiry runs on the store's clock, so sessions are made on the real clock and expiry is
 * awaited with a bounded wait, never timed.
 */
public abstract class SessionsContract {

	protected static final Duration LONG = Duration.ofHours(1);

	protected abstract Sessions sessions();

	/** A bounded wait for something the store does on its own clock, such as expiry. */
	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50));
	}

	protected static Session newSession(CustomerId customer, Instant at, Duration lifetime) {
		return new Session(UUID.randomUUID().toString(), customer, Set.of(Role.CUSTOMER), at, at, at.plus(lifetime));
	}

	/** Opens a session now and answers its token hash. */
	protected String open(CustomerId customer, Duration idleTimeout, Duration lifetime) {
		String tokenHash = SessionToken.generate().hash();
		sessions().create(tokenHash, newSession(customer, Instant.now(), lifetime), idleTimeout);
		return tokenHash;
	}

	@Test
	protected void createdSessionIsFoundByTouchAndMarkedSeen() {
		CustomerId customer = CustomerId.random();
		Instant created = Instant.now();
		Session session = new Session(UUID.randomUUID().toString(), customer, Set.of(Role.CUSTOMER, Role.ADMIN),
				created, created, created.plus(LONG));
		String tokenHash = SessionToken.generate().hash();
		sessions().create(tokenHash, session, Duration.ofMinutes(30));

		Instant seen = created.plusMillis(250);
		assertThat(sessions().touch(tokenHash, seen, Duration.ofMinutes(30))).contains(session.seenAt(seen));
		assertThat(sessions().list(customer, seen)).containsExactly(session.seenAt(seen));
	}

	@Test
	protected void touchOfAnUnknownTokenHashIsEmpty() {
		assertThat(sessions().touch(SessionToken.generate().hash(), Instant.now(), Duration.ofMinutes(30))).isEmpty();
	}

	@Test
	protected void sessionEndsAfterItsIdleTimeout() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofSeconds(1), LONG);
		assertThat(sessions().list(customer, Instant.now())).hasSize(1);

		// listing does not count as use, so it can watch the session without keeping
		// it alive
		eventually().until(() -> sessions().list(customer, Instant.now()).isEmpty());
		assertThat(sessions().touch(tokenHash, Instant.now(), Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	protected void aTouchAfterTheAbsoluteExpiryEndsTheSessionEvenWhileTheKeyStillExists() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofMinutes(30), Duration.ofHours(1));

		// the key lives on in the store (its TTL is the idle timeout); the touch itself
		// must see that the absolute expiry has passed, end the session and say so
		assertThat(sessions().touch(tokenHash, Instant.now().plus(Duration.ofHours(2)), Duration.ofMinutes(30)))
			.isEmpty();
		assertThat(sessions().touch(tokenHash, Instant.now(), Duration.ofMinutes(30))).isEmpty();
	}

	@Test
	protected void touchingNeverKeepsASessionPastItsAbsoluteExpiry() {
		CustomerId customer = CustomerId.random();
		String tokenHash = open(customer, Duration.ofSeconds(30), Duration.ofSeconds(1));

		// constant use with a long idle timeout still ends at the absolute expiry
		eventually().until(() -> sessions().touch(tokenHash, Instant.now(), Duration.ofSeconds(30)).isEmpty());
		assertThat(sessions().touch(tokenHash, Instant.now(), Duration.ofSeconds(30))).isEmpty();
		assertThat(sessions().list(customer, Instant.now())).isEmpty();
	}

	@Test
	protected void revokeEndsThatSessionOnly() {
		CustomerId customer = CustomerId.random();
		String revoked = open(customer, Duration.ofMinutes(30), LONG);
		String kept = open(customer, Duration.ofMinutes(30), LONG);

		assertThat(sessions().revoke(revoked)).isTrue();

		assertThat(sessions().touch(revoked, Instant.now(), Duration.ofMinutes(30))).isEmpty();
		Optional<Session> other = sessions().touch(kept, Instant.now(), Duration.ofMinutes(30));
		assertThat(other).isPresent();
		assertThat(sessions().list(customer, Instant.now())).extracting(Session::id).containsExactly(other.get().id());
		assertThat(sessions().revoke(revoked)).as("revoking again").isFalse();
	}

	@Test
	protected void revokeOfAnUnknownTokenHashIsFalse() {
		assertThat(sessions().revoke(SessionToken.generate().hash())).isFalse();
	}

	@Test
	protected void revokeAllEndsEverySessionOfTheCustomerAndNoOneElses() {
		CustomerId customer = CustomerId.random();
		CustomerId someoneElse = CustomerId.random();
		List<String> ended = List.of(open(customer, Duration.ofMinutes(30), LONG),
				open(customer, Duration.ofMinutes(30), LONG), open(customer, Duration.ofMinutes(30), LONG));
		String untouched = open(someoneElse, Duration.ofMinutes(30), LONG);

		assertThat(sessions().revokeAll(customer)).isEqualTo(3);

		for (String tokenHash : ended) {
			assertThat(sessions().touch(tokenHash, Instant.now(), Duration.ofMinutes(30))).isEmpty();
		}
		assertThat(sessions().list(customer, Instant.now())).isEmpty();
		assertThat(sessions().touch(untouched, Instant.now(), Duration.ofMinutes(30))).isPresent();
		assertThat(sessions().list(someoneElse, Instant.now())).hasSize(1);
		assertThat(sessions().revokeAll(customer)).as("revoking all again").isZero();
	}

	@Test
	protected void listShowsTheCustomersLiveSessionsMostRecentlyUsedFirst() {
		CustomerId customer = CustomerId.random();
		Instant base = Instant.now();
		Session first = newSession(customer, base, LONG);
		Session second = newSession(customer, base.plusMillis(1), LONG);
		Session third = newSession(customer, base.plusMillis(2), LONG);
		Session revoked = newSession(customer, base.plusMillis(3), LONG);
		String firstHash = SessionToken.generate().hash();
		String revokedHash = SessionToken.generate().hash();
		sessions().create(firstHash, first, Duration.ofMinutes(30));
		sessions().create(SessionToken.generate().hash(), second, Duration.ofMinutes(30));
		sessions().create(SessionToken.generate().hash(), third, Duration.ofMinutes(30));
		sessions().create(revokedHash, revoked, Duration.ofMinutes(30));
		open(CustomerId.random(), Duration.ofMinutes(30), LONG);
		sessions().revoke(revokedHash);
		Instant used = base.plusMillis(10);
		sessions().touch(firstHash, used, Duration.ofMinutes(30));

		assertThat(sessions().list(customer, used)).containsExactly(first.seenAt(used), third, second);
	}

	@Test
	protected void listLeavesOutExpiredSessions() {
		CustomerId customer = CustomerId.random();
		open(customer, Duration.ofSeconds(1), LONG);
		open(customer, Duration.ofSeconds(1), LONG);
		String live = open(customer, Duration.ofMinutes(30), LONG);
		Session liveSession = sessions().touch(live, Instant.now(), Duration.ofMinutes(30)).orElseThrow();

		eventually().until(() -> sessions().list(customer, Instant.now()).size() == 1);
		assertThat(sessions().list(customer, Instant.now())).containsExactly(liveSession);
	}

	@Test
	protected void listOfACustomerWithoutSessionsIsEmpty() {
		assertThat(sessions().list(CustomerId.random(), Instant.now())).isEmpty();
		assertThat(sessions().revokeAll(CustomerId.random())).isZero();
	}

}
