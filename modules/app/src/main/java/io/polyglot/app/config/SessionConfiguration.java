package io.polyglot.app.config;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.PasswordHasher;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.session.AuthenticateSession;
import io.polyglot.domain.session.EndAllSessions;
import io.polyglot.domain.session.EndSession;
import io.polyglot.domain.session.ListSessions;
import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.SessionEvents;
import io.polyglot.domain.session.SessionPolicy;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.session.StartSession;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session use cases (login, authentication, listing, ending) over the sessions and
 * login-throttle ports (Redis), with their policy and their events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
public class SessionConfiguration {

	@Bean
	SessionPolicy sessionPolicy(SessionProperties properties) {
		return properties.toPolicy();
	}

	@Bean
	StartSession startSession(Customers customers, PasswordHasher hasher, Sessions sessions, LoginThrottle throttle,
			SessionPolicy policy, Clock clock, SessionEvents events) {
		return new StartSession(customers, hasher, sessions, throttle, policy, clock, events);
	}

	@Bean
	AuthenticateSession authenticateSession(Sessions sessions, SessionPolicy policy, Clock clock) {
		return new AuthenticateSession(sessions, policy, clock);
	}

	@Bean
	SessionEvents sessionEvents(Outbox outbox, Transactions transactions, Clock clock) {
		return new SessionEvents(outbox, transactions, clock);
	}

	@Bean
	EndSession endSession(Sessions sessions, SessionEvents events) {
		return new EndSession(sessions, events);
	}

	@Bean
	EndAllSessions endAllSessions(Sessions sessions, SessionEvents events) {
		return new EndAllSessions(sessions, events);
	}

	@Bean
	ListSessions listSessions(Sessions sessions, Clock clock) {
		return new ListSessions(sessions, clock);
	}

}
