package io.polyglot.domain.session;

import java.util.Objects;

/** Logs out one session, the caller's current one, so its token stops working at once. */
public final class EndSession {

	private final Sessions sessions;

	public EndSession(Sessions sessions) {
		this.sessions = Objects.requireNonNull(sessions, "sessions");
	}

	/**
	 * Ends the session stored under the token hash; false when it had already ended.
	 */
	public boolean end(String tokenHash) {
		return this.sessions.revoke(Objects.requireNonNull(tokenHash, "tokenHash"));
	}

}
