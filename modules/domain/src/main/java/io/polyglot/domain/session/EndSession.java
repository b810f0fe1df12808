package io.polyglot.domain.session;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;

/** Logs out one session, the caller's current one, so its token stops working at once. */
public final class EndSession {

	private final Sessions sessions;

	private final SessionEvents events;

	public EndSession(Sessions sessions, SessionEvents events) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
		this.events = Objects.requireNonNull(events, "events");
	}

	/**
	 * Ends the session stored under the token hash; false when it had already ended.
	 */
	public boolean end(String tokenHash, CustomerId customer, String sessionId) {
		boolean ended = this.sessions.revoke(Objects.requireNonNull(tokenHash, "tokenHash"));
		if (ended) {
			this.events.ended(customer, sessionId);
		}
		return ended;
	}

}
