package io.polyglot.app.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a live session token; authorities are the session's roles as
 * {@code ROLE_CUSTOMER} and {@code ROLE_ADMIN}.
 */
public final class SessionAuthentication extends AbstractAuthenticationToken {

	private final SessionPrincipal principal;

	SessionAuthentication(SessionPrincipal principal) {
		super(principal.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.sorted((a, b) -> a.getAuthority().compareTo(b.getAuthority()))
			.toList());
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public SessionPrincipal getPrincipal() {
		return this.principal;
	}

	/** Nothing: the token was checked and is not kept. */
	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return this.principal.customerId().toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SessionAuthentication that && this.principal.equals(that.principal);
	}

	@Override
	public int hashCode() {
		return this.principal.hashCode();
	}

	@Override
	public String toString() {
		return "SessionAuthentication[" + this.principal + "]";
	}

}
