package io.polyglot.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.RecordingOutbox;
import io.polyglot.domain.support.InMemorySessions;
import io.polyglot.domain.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionLifecycleTest {

	private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 5, 50,
			Duration.ofMinutes(15));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T10:00:00Z"));

	private final InMemorySessions sessions = new InMemorySessions();

	private final AuthenticateSession authenticate = new AuthenticateSession(this.sessions, POLICY, this.clock);

	private final CustomerId ada = CustomerId.random();

	@Test
	void aUsedSessionStaysAliveAndAnIdleOneEnds() {
		SessionToken token = open(this.ada);

		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.authenticate.authenticate(token)).get()
			.extracting(Session::lastSeenAt)
			.isEqualTo(this.clock.now());
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.authenticate.authenticate(token)).isPresent();
		this.clock.advance(Duration.ofMinutes(31));
		assertThat(this.authenticate.authenticate(token)).isEmpty();
	}

	@Test
	void anUnknownTokenHasNoSession() {
		open(this.ada);

		assertThat(this.authenticate.authenticate(SessionToken.generate())).isEmpty();
	}

	@Test
	void aSessionPastItsAbsoluteExpiryIsRefusedEvenIfTheStoreStillHasIt() {
		SessionToken token = SessionToken.generate();
		Instant now = this.clock.now();
		this.sessions.putRaw(token.hash(), new Session("s1", this.ada, Set.of(Role.CUSTOMER), now.minusSeconds(60),
				now.minusSeconds(60), now.minusSeconds(1)), now.plusSeconds(600));

		assertThat(this.authenticate.authenticate(token)).isEmpty();
	}

	@Test
	void endingTheCurrentSessionLeavesTheOthers() {
		SessionToken first = open(this.ada);
		SessionToken second = open(this.ada);

		assertThat(new EndSession(this.sessions, events()).end(first.hash(), this.ada, "s-first")).isTrue();

		assertThat(this.authenticate.authenticate(first)).isEmpty();
		assertThat(this.authenticate.authenticate(second)).isPresent();
		assertThat(new EndSession(this.sessions, events()).end(first.hash(), this.ada, "s-first")).isFalse();
	}

	@Test
	void endingAllSessionsEndsOnlyTheCustomersOwn() {
		SessionToken first = open(this.ada);
		SessionToken second = open(this.ada);
		SessionToken someoneElses = open(CustomerId.random());

		assertThat(new EndAllSessions(this.sessions, events()).endAll(this.ada)).isEqualTo(2);

		assertThat(this.authenticate.authenticate(first)).isEmpty();
		assertThat(this.authenticate.authenticate(second)).isEmpty();
		assertThat(this.authenticate.authenticate(someoneElses)).isPresent();
	}

	@Test
	void listsOnlyTheCustomersLiveSessionsMostRecentlyUsedFirst() {
		SessionToken first = open(this.ada);
		open(this.ada);
		open(CustomerId.random());
		this.clock.advance(Duration.ofMinutes(1));
		Session touched = this.authenticate.authenticate(first).orElseThrow();

		assertThat(new ListSessions(this.sessions, this.clock).list(this.ada)).hasSize(2).first().isEqualTo(touched);
	}

	@Test
	void aPolicyWithAnIdleTimeoutPastTheLifetimeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SessionPolicy(Duration.ofHours(13), Duration.ofHours(12), 5, 50, Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 0, 50, Duration.ofMinutes(15)));
	}

	private SessionToken open(CustomerId customer) {
		SessionToken token = SessionToken.generate();
		Instant now = this.clock.now();
		this.sessions.create(token.hash(), new Session(java.util.UUID.randomUUID().toString(), customer,
				Set.of(Role.CUSTOMER), now, now, now.plus(POLICY.absoluteLifetime())), POLICY.idleTimeout());
		return token;
	}

	private final RecordingOutbox outbox = new RecordingOutbox();

	private SessionEvents events() {
		return new SessionEvents(this.outbox, new DirectTransactions(), this.clock);
	}

	@Test
	void endingASessionRecordsSessionEndedOnlyWhenOneEnded() {
		SessionToken token = open(this.ada);

		new EndSession(this.sessions, events()).end(token.hash(), this.ada, "s1");
		new EndSession(this.sessions, events()).end(token.hash(), this.ada, "s1");

		assertThat(this.outbox.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("SessionEnded");
			assertThat(event.owner()).isEqualTo(this.ada);
			assertThat(event.payload()).containsEntry("sessionId", "s1");
		});
	}

}
