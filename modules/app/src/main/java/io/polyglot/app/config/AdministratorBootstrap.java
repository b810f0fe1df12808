package io.polyglot.app.config;

import java.util.Objects;

import io.polyglot.domain.account.BootstrapAdministrator;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Registers the configured operator (roles CUSTOMER and ADMIN) at startup unless a
 * customer with that username already exists.
 */
public final class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final AdminProperties admin;

	private final BootstrapAdministrator bootstrap;

	public AdministratorBootstrap(AdminProperties admin, BootstrapAdministrator bootstrap) {
		this.admin = admin;
		this.bootstrap = bootstrap;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.admin.isConfigured()) {
			return;
		}
		String username = Objects.requireNonNull(this.admin.username());
		BootstrapAdministrator.Outcome outcome;
		try {
			outcome = this.bootstrap.ensure(username, Objects.requireNonNull(this.admin.email()),
					Objects.requireNonNull(this.admin.password()));
		}
		catch (ValidationException ex) {
			throw new IllegalStateException("polyglot.admin is not a valid account: " + ex.getMessage(), ex);
		}
		catch (ConflictException ex) {
			throw new IllegalStateException("Cannot register the operator " + username + ": " + ex.getMessage(), ex);
		}
		catch (StoreUnavailableException ex) {
			// the service starts while a store is down (health shows it); the next start
			// tries again
			log.error("Operator {} not ensured: the {} store is unavailable", username, ex.store());
			return;
		}
		if (outcome.created()) {
			log.info("Registered operator {} with roles CUSTOMER and ADMIN", username);
		}
		else if (!outcome.customer().roles().contains(Role.ADMIN)) {
			log.warn("Customer {} exists without the ADMIN role; the configured operator was not granted it", username);
		}
	}

}
