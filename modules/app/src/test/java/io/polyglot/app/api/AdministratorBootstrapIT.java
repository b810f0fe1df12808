package io.polyglot.app.api;

import java.util.List;

import io.polyglot.app.config.AdministratorBootstrap;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The operator account configured in {@link ApiTestSupport} exists with role ADMIN. */
class AdministratorBootstrapIT extends ApiTestSupport {

	@Autowired
	AdministratorBootstrap bootstrap;

	@Test
	void theConfiguredOperatorCanLogInAsAdmin() {
		String token = login(ADMIN_USERNAME, ADMIN_PASSWORD);

		get("/api/v1/me", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(ADMIN_USERNAME)
			.jsonPath("$.roles")
			.isEqualTo(List.of("ADMIN", "CUSTOMER"));
	}

	@Test
	void runningTheBootstrapAgainChangesNothing() {
		this.bootstrap.run(new DefaultApplicationArguments());

		login(ADMIN_USERNAME, ADMIN_PASSWORD);
	}

}
