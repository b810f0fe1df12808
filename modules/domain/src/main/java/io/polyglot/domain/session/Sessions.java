package io.polyglot.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.polyglot.domain.shared.CustomerId;

/**
 * Port to the session store (Redis). Sessions are keyed by the token's hash and expire by
 * store TTL: after {@code idleTimeout} without use, and at the session's absolute expiry
 * at the latest. A per-customer index makes listing and revoking all sessions possible
 * without scanning the keyspace.
 */
public interface Sessions {

	/** Stores a new session under the token hash, expiring after the idle timeout. */
	void create(String tokenHash, Session session, Duration idleTimeout);

	/**
	 * Finds the live session of the token hash and slides its idle expiry from
	 * {@code now} (never past its absolute expiry); empty when it expired or was revoked.
	 */
	Optional<Session> touch(String tokenHash, Instant now, Duration idleTimeout);

	/** The customer's live sessions, most recently used first. */
	List<Session> list(CustomerId customerId, Instant now);

	/** Ends the session of the token hash at once; false when there was none. */
	boolean revoke(String tokenHash);

	/** Ends every session of the customer at once; returns how many ended. */
	int revokeAll(CustomerId customerId);

}
