package io.polyglot.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live and how many failed logins are tolerated before a key is blocked
 * for the rest of its failure window.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteLifetime a session ends this long after login, however busy
 * @param maxFailuresPerUsername failed logins for one username before it is blocked
 * @param maxFailuresPerAddress failed logins from one client address before it is
 * blocked; higher than per username because many people can share one address
 * @param failureWindow how long failures are counted (and a block lasts) from the first
 * failure
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, int maxFailuresPerUsername,
		int maxFailuresPerAddress, Duration failureWindow) {

	public SessionPolicy {
		requirePositive(idleTimeout, "idleTimeout");
		requirePositive(absoluteLifetime, "absoluteLifetime");
		requirePositive(failureWindow, "failureWindow");
		if (idleTimeout.compareTo(absoluteLifetime) > 0) {
			throw new IllegalArgumentException("idleTimeout must not exceed absoluteLifetime");
		}
		if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalArgumentException("failure limits must be at least 1");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
