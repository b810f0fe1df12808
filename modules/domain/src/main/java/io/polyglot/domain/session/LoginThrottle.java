package io.polyglot.domain.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Port to the login failure counters (Redis): counts failures per key (a username, a
 * client address) in a window that expires by TTL.
 */
public interface LoginThrottle {

	/** How long the key stays blocked, or empty when it may try now. */
	Optional<Duration> blockedFor(String key, int maxFailures);

	/** Counts one failure for the key; the window starts with the first failure. */
	void recordFailure(String key, Duration window);

	/** Forgets the key's failures (after a successful login). */
	void reset(String key);

}
