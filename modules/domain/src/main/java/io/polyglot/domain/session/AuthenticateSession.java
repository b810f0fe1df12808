package io.polyglot.domain.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.polyglot.domain.shared.Clock;

/**
 * Resolves a presented bearer token to its live session, sliding the idle expiry as a
 * side effect.
 */
public final class AuthenticateSession {

	private final Sessions sessions;

	private final SessionPolicy policy;

	private final Clock clock;

	public AuthenticateSession(Sessions sessions, SessionPolicy policy, Clock clock) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
		this.policy = Objects.requireNonNull(policy, "policy");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The live session of the token; empty when it is unknown, expired or revoked. */
	public Optional<Session> authenticate(SessionToken token) {
		Instant now = this.clock.now();
		// the store's TTL already ends sessions at their absolute expiry; checking here
		// too keeps a lagging expiry from ever extending a session
		return this.sessions.touch(token.hash(), now, this.policy.idleTimeout())
			.filter((session) -> now.isBefore(session.absoluteExpiry()));
	}

}
