package io.polyglot.domain.session;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long sessions live and how failed logins are throttled (after OWASP's
 * authentication guidance: slow the guesser down, never let a stranger lock the owner out
 * of the account).
 * <p>
 * A username tried from one client address gets {@code failuresBeforeDelay} failures
 * free; each failure after that blocks that username <em>at that address</em> for a delay
 * that starts at {@code firstDelay} and doubles up to {@code maxDelay}. The owner logging
 * in from another address is not affected. Only ceilings far above what one address can
 * reach under those delays block a username everywhere ({@code maxFailuresPerUsername}, a
 * guesser spread over many addresses) or an address for every username
 * ({@code maxFailuresPerAddress}, one address guessing many usernames), for what remains
 * of the failure window.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteLifetime a session ends this long after login, however busy
 * @param maxFailuresPerUsername failed logins for one username, from all addresses,
 * before it is blocked everywhere
 * @param maxFailuresPerAddress failed logins from one client address before it is
 * blocked; higher than per username because many people can share one address
 * @param failureWindow how long failures are counted (and a ceiling's block lasts) from
 * the first failure
 * @param failuresBeforeDelay failures of one username at one address before the first
 * delay applies
 * @param firstDelay the first delay; each further failure doubles it
 * @param maxDelay the longest delay
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, int maxFailuresPerUsername,
		int maxFailuresPerAddress, Duration failureWindow, int failuresBeforeDelay, Duration firstDelay,
		Duration maxDelay) {

	/** Delays start after 5 failures at 5 s and grow to 15 min. */
	public static final int DEFAULT_FAILURES_BEFORE_DELAY = 5;

	public SessionPolicy {
		requirePositive(idleTimeout, "idleTimeout");
		requirePositive(absoluteLifetime, "absoluteLifetime");
		requirePositive(failureWindow, "failureWindow");
		requirePositive(firstDelay, "firstDelay");
		requirePositive(maxDelay, "maxDelay");
		if (idleTimeout.compareTo(absoluteLifetime) > 0) {
			throw new IllegalArgumentException("idleTimeout must not exceed absoluteLifetime");
		}
		if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1 || failuresBeforeDelay < 1) {
			throw new IllegalArgumentException("failure limits must be at least 1");
		}
		if (firstDelay.compareTo(maxDelay) > 0) {
			throw new IllegalArgumentException("firstDelay must not exceed maxDelay");
		}
	}

	/**
	 * A policy with the default delays (5 failures free, then 5 s doubling to 15 min).
	 */
	public SessionPolicy(Duration idleTimeout, Duration absoluteLifetime, int maxFailuresPerUsername,
			int maxFailuresPerAddress, Duration failureWindow) {
		this(idleTimeout, absoluteLifetime, maxFailuresPerUsername, maxFailuresPerAddress, failureWindow,
				DEFAULT_FAILURES_BEFORE_DELAY, Duration.ofSeconds(5), Duration.ofMinutes(15));
	}

	/**
	 * The delay after the given number of failures of one username at one address, or
	 * empty while they are still free.
	 */
	public Optional<Duration> delayAfter(int failures) {
		if (failures < this.failuresBeforeDelay) {
			return Optional.empty();
		}
		int doublings = Math.min(failures - this.failuresBeforeDelay, 40);
		Duration delay = this.firstDelay;
		for (int i = 0; i < doublings && delay.compareTo(this.maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return Optional.of((delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay);
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
