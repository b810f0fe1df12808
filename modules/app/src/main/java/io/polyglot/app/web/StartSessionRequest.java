package io.polyglot.app.web;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/sessions}: the credentials to log in with. */
public record StartSessionRequest(@Nullable String username, @Nullable String password) {

	@Override
	public String toString() {
		return "StartSessionRequest[username=" + this.username + ", password=[hidden]]";
	}

}
