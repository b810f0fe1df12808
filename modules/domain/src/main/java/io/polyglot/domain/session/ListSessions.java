package io.polyglot.domain.session;

import java.util.List;
import java.util.Objects;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;

/** Lists a customer's live sessions, most recently used first. */
public final class ListSessions {

	private final Sessions sessions;

	private final Clock clock;

	public ListSessions(Sessions sessions, Clock clock) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The customer's live sessions. */
	public List<Session> list(CustomerId customerId) {
		return this.sessions.list(Objects.requireNonNull(customerId, "customerId"), this.clock.now());
	}

}
