package io.polyglot.app.web;

import java.time.Instant;

/**
 * A new session's bearer token, shown this once, and when it ends if left unused.
 */
public record SessionCreatedResponse(String token, Instant expiresAt) {

	@Override
	public String toString() {
		return "SessionCreatedResponse[token=[hidden], expiresAt=" + this.expiresAt + "]";
	}

}
