package io.polyglot.domain.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Port to the login failure counters and blocks (Redis): counts failures per key (a
 * username, a client address, a username at one address) in a window that expires by TTL,
 * and blocks a key for a while.
 */
public interface LoginThrottle {

	/**
	 * How long the key stays blocked because its failures reached {@code maxFailures}
	 * (for the rest of its window), or empty when it may try now.
	 */
	Optional<Duration> blockedFor(String key, int maxFailures);

	/**
	 * Counts one failure for the key and answers how many its window holds now; the
	 * window starts with the first failure.
	 */
	int recordFailure(String key, Duration window);

	/** Forgets the key's failures and lifts its block (after a successful login). */
	void reset(String key);

	/** Blocks the key for {@code duration} from now; a longer block already set stays. */
	void block(String key, Duration duration);

	/** How long the key stays blocked by {@link #block}, or empty when it is not. */
	Optional<Duration> blockedFor(String key);

}
