package io.polyglot.domain.session;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;

/** Logs a customer out everywhere: every session of theirs stops working at once. */
public final class EndAllSessions {

	private final Sessions sessions;

	public EndAllSessions(Sessions sessions) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
	}

	/** Ends every session of the customer; returns how many ended. */
	public int endAll(CustomerId customerId) {
		return this.sessions.revokeAll(Objects.requireNonNull(customerId, "customerId"));
	}

}
