package io.polyglot.domain.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.shared.CustomerId;

/**
 * A logged-in session. {@code id} is an opaque public id (never the token or its hash);
 * the session ends at {@code absoluteExpiry} at the latest, or earlier when idle.
 */
public record Session(String id, CustomerId customerId, Set<Role> roles, Instant createdAt, Instant lastSeenAt,
		Instant absoluteExpiry) {

	public Session {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(lastSeenAt, "lastSeenAt");
		Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
		roles = Set.copyOf(roles);
	}

	/** The same session seen again at {@code now}. */
	public Session seenAt(Instant now) {
		return new Session(this.id, this.customerId, this.roles, this.createdAt, now, this.absoluteExpiry);
	}

}
