package io.polyglot.app.config;

import io.polyglot.app.security.Argon2PasswordHasher;
import io.polyglot.domain.account.BootstrapAdministrator;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.LookUpCustomer;
import io.polyglot.domain.account.PasswordHasher;
import io.polyglot.domain.account.RegisterCustomer;
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
 * The domain's use cases as beans, wired to the ports the adapters provide; the domain
 * itself is never component-scanned.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PolyglotProperties.class, SessionProperties.class, AdminProperties.class })
public class UseCaseConfiguration {

	@Bean
	Clock domainClock() {
		return Clock.system();
	}

	@Bean
	PasswordHasher passwordHasher() {
		return new Argon2PasswordHasher();
	}

	@Bean
	SessionPolicy sessionPolicy(SessionProperties properties) {
		return properties.toPolicy();
	}

	@Bean
	RegisterCustomer registerCustomer(Customers customers, PasswordHasher hasher, Transactions transactions,
			Clock clock, PolyglotProperties properties, Outbox outbox) {
		return new RegisterCustomer(customers, hasher, transactions, clock, properties.currency(), outbox);
	}

	@Bean
	LookUpCustomer lookUpCustomer(Customers customers) {
		return new LookUpCustomer(customers);
	}

	@Bean
	BootstrapAdministrator bootstrapAdministrator(Customers customers, RegisterCustomer registerCustomer) {
		return new BootstrapAdministrator(customers, registerCustomer);
	}

	@Bean
	AdministratorBootstrap administratorBootstrap(AdminProperties admin, BootstrapAdministrator bootstrap) {
		return new AdministratorBootstrap(admin, bootstrap);
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
