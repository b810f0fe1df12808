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
 * @param maxFailures failed logins per username within the window before it is blocked
 * @param maxFailuresPerAddress failed logins per client address within the window before
 * it is blocked; higher than per username because offices and carriers share addresses
 * @param failureWindow how long failures count, and a block lasts, from the first failure
 */
@ConfigurationProperties("polyglot.sessions")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("12h") Duration absoluteLifetime, @DefaultValue("5") int maxFailures,
		@DefaultValue("100") int maxFailuresPerAddress, @DefaultValue("15m") Duration failureWindow) {

	/** The domain's policy; refuses inconsistent values at startup. */
	public SessionPolicy toPolicy() {
		return new SessionPolicy(this.idleTimeout, this.absoluteLifetime, this.maxFailures, this.maxFailuresPerAddress,
				this.failureWindow);
	}

}
