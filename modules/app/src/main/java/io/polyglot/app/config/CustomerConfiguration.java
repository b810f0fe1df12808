package io.polyglot.app.config;

import io.polyglot.app.security.Argon2PasswordHasher;
import io.polyglot.domain.account.BootstrapAdministrator;
import io.polyglot.domain.account.Customers;
import io.polyglot.domain.account.LookUpCustomer;
import io.polyglot.domain.account.PasswordHasher;
import io.polyglot.domain.account.RegisterCustomer;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer use cases (registration, look-up), the password hasher they share with
 * login, and the operator's administrator bootstrap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PolyglotProperties.class, AdminProperties.class })
public class CustomerConfiguration {

	@Bean
	PasswordHasher passwordHasher() {
		return new Argon2PasswordHasher();
	}

	@Bean
	RegisterCustomer registerCustomer(Customers customers, PasswordHasher hasher, Transactions transactions,
			Clock clock, PolyglotProperties properties, Outbox outbox) {
		return new RegisterCustomer(customers, hasher, transactions, clock, properties.currency(), outbox);
	}

	@Bean
	LookUpCustomer lookUpCustomer(Customers customers) {
		return new LookUpCustomer(new RecentCustomers(customers));
	}

	@Bean
	BootstrapAdministrator bootstrapAdministrator(Customers customers, RegisterCustomer registerCustomer) {
		return new BootstrapAdministrator(customers, registerCustomer);
	}

	@Bean
	AdministratorBootstrap administratorBootstrap(AdminProperties admin, BootstrapAdministrator bootstrap) {
		return new AdministratorBootstrap(admin, bootstrap);
	}

}
