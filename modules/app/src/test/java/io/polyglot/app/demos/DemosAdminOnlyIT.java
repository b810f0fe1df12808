package io.polyglot.app.demos;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared deployment with demos switched on and {@code admin-only}: the page loads for
 * anyone, but its endpoints answer 401 without a session and 403 to a customer; an
 * administrator runs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyglot.demos.enabled=true", "polyglot.demos.admin-only=true",
				"polyglot.admin.username=demo-ops", "polyglot.admin.email=demo-ops@polyglot.example",
				"polyglot.admin.password=" + DemosAdminOnlyIT.ADMIN_PASSWORD,
				"polyglot.sessions.max-failures-per-address=100000" })
@AutoConfigureRestTestClient
class DemosAdminOnlyIT {

	static final String ADMIN_PASSWORD = "operator secret for demo tests";

	@Autowired
	RestTestClient http;

	@Test
	@SuppressWarnings("unchecked")
	void onlyAnAdministratorRunsDemos() {
		this.http.get().uri("/").exchange().expectStatus().isOk();
		DemoTestSupport.problem(this.http.get().uri("/api/v1/demos/choice").exchange(), 401);
		DemoTestSupport.problem(this.http.post().uri("/api/v1/demos/integrity").exchange(), 401);

		byte[] bytes = new byte[4];
		new SecureRandom().nextBytes(bytes);
		String username = "demo-customer-" + HexFormat.of().formatHex(bytes);
		this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "email", username + "@example.com", "password", "correct horse battery"))
			.exchange()
			.expectStatus()
			.isCreated();
		String customer = login(username, "correct horse battery");
		DemoTestSupport.problem(this.http.get()
			.uri("/api/v1/demos/choice")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + customer)
			.exchange(), 403);

		String admin = login("demo-ops", ADMIN_PASSWORD);
		Map<String, Object> choice = (Map<String, Object>) this.http.get()
			.uri("/api/v1/demos/choice")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(choice).containsKey("questions");
	}

	private String login(String username, String password) {
		Map<?, ?> session = this.http.post()
			.uri("/api/v1/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) session.get("token");
	}

}
