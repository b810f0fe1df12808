package io.polyglot.app.security;

import java.util.Objects;
import java.util.Set;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.shared.CustomerId;

/**
 * The authenticated caller of one request: whose session it is, which session, and the
 * token hash that ends it.
 */
public record SessionPrincipal(CustomerId customerId, String sessionId, String tokenHash, Set<Role> roles) {

	public SessionPrincipal {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(tokenHash, "tokenHash");
		roles = Set.copyOf(roles);
	}

	/** Whether the caller holds the ADMIN role. */
	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	static SessionPrincipal of(Session session, String tokenHash) {
		return new SessionPrincipal(session.customerId(), session.id(), tokenHash, session.roles());
	}

	@Override
	public String toString() {
		// the token hash is the session's key in Redis: keep it out of logs
		return "SessionPrincipal[customerId=" + this.customerId + ", sessionId=" + this.sessionId + ", roles="
				+ this.roles + "]";
	}

}
