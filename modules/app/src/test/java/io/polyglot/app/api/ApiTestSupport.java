package io.polyglot.app.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the API tests: the service on a random port against the five real local stores,
 * one context shared by every subclass. The stores live for the whole test JVM, so every
 * test uses usernames of its own; every request comes from 127.0.0.1, so the per-address
 * login limit is raised here (the per-username throttling keeps its defaults) and one
 * test's failures cannot block another's logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyglot.sessions.max-failures-per-address=100000",
				"polyglot.admin.username=" + ApiTestSupport.ADMIN_USERNAME, "polyglot.admin.email=ops@polyglot.example",
				"polyglot.admin.password=" + ApiTestSupport.ADMIN_PASSWORD,
				// an outage test restarts Cassandra and waits for the relay to drain
				"polyglot.outbox.max-backoff=5s" })
@AutoConfigureRestTestClient
abstract class ApiTestSupport {

	static final String ADMIN_USERNAME = "polyglot-ops";

	static final String ADMIN_PASSWORD = "operator secret for tests";

	static final String PASSWORD = "correct horse battery";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	RestTestClient http;

	/** A username no other test uses: prefix plus 8 random hex digits. */
	static String unique(String prefix) {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		return prefix + "-" + HexFormat.of().formatHex(bytes);
	}

	static String emailOf(String username) {
		return username + "@example.com";
	}

	/** Registers a customer and returns its id. */
	String register(String username, String password) {
		Map<?, ?> body = this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "email", emailOf(username), "password", password))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return (String) body.get("id");
	}

	/** A fresh session of the operator account configured above. */
	String adminToken() {
		return login(ADMIN_USERNAME, ADMIN_PASSWORD);
	}

	/** Logs in and returns the bearer token. */
	String login(String username, String password) {
		Map<?, ?> body = loginAttempt(username, password).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return (String) body.get("token");
	}

	RestTestClient.ResponseSpec loginAttempt(String username, String password) {
		return this.http.post()
			.uri("/api/v1/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "password", password))
			.exchange();
	}

	RestTestClient.ResponseSpec get(String path, String token) {
		return this.http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	/** Asserts a problem+json answer with the status and returns its body. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> problem(RestTestClient.ResponseSpec response, int status) {
		EntityExchangeResult<Map> result = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult();
		Map<String, Object> body = result.getResponseBody();
		assertThat(body).isNotNull();
		assertThat(body).as("problem %s", body).containsKeys("type", "title", "status", "detail");
		assertThat(body.get("status")).isEqualTo(status);
		return body;
	}

}
