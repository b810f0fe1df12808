package io.polyglot.domain.session;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;

/** Logs a customer out everywhere: every session of theirs stops working at once. */
public final class EndAllSessions {

	private final Sessions sessions;

	private final SessionEvents events;

	public EndAllSessions(Sessions sessions, SessionEvents events) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
		this.events = Objects.requireNonNull(events, "events");
	}

	/** Ends every session of the customer; returns how many ended. */
	public int endAll(CustomerId customerId) {
		int ended = this.sessions.revokeAll(Objects.requireNonNull(customerId, "customerId"));
		if (ended > 0) {
			this.events.allEnded(customerId, ended);
		}
		return ended;
	}

}
