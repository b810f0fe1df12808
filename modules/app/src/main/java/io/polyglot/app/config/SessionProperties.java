package io.polyglot.app.config;

import java.time.Duration;

import io.polyglot.domain.session.SessionPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session lifetimes and login rate limits under {@code polyglot.sessions}.
 *
 * @param idleTimeout a session unused this long ends
 * @param absoluteLifetime a session ends this long after login at the latest
 * @param maxFailures failed logins per username, from all addresses, within the window
 * before it is blocked everywhere: a ceiling for guessers spread over many addresses, far
 * above what one address can reach under the delays
 * @param maxFailuresPerAddress failed logins per client address within the window before
 * it is blocked; higher than per username because offices and carriers share addresses
 * @param failureWindow how long failures count, and a ceiling's block lasts, from the
 * first failure
 * @param failuresBeforeDelay failures of one username at one address before the first
 * delay applies
 * @param firstDelay the first delay for that username at that address, doubled by each
 * further failure
 * @param maxDelay the longest delay
 */
@ConfigurationProperties("polyglot.sessions")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteLifetime, @DefaultValue("50") int maxFailures,
		@DefaultValue("100") int maxFailuresPerAddress, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("5") int failuresBeforeDelay, @DefaultValue("5s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay) {

	/** The domain's policy; refuses inconsistent values at startup. */
	public SessionPolicy toPolicy() {
		return new SessionPolicy(this.idleTimeout, this.absoluteLifetime, this.maxFailures, this.maxFailuresPerAddress,
				this.failureWindow, this.failuresBeforeDelay, this.firstDelay, this.maxDelay);
	}

}
