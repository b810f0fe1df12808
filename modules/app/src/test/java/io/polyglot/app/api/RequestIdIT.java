package io.polyglot.app.api;

import java.util.Map;

import io.polyglot.app.problem.RequestId;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response names its request in {@code X-Request-Id}, and every problem body
 * carries the same id, whether a filter (security), Spring MVC's advice or the error
 * controller answered.
 */
class RequestIdIT extends ApiTestSupport {

	@Test
	void aSuccessfulResponseGetsAFreshId() {
		String id = this.http.get()
			.uri("/api/v1/categories")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(RequestId.HEADER);
		assertThat(id).matches("[0-9a-f-]{36}");
	}

	@Test
	void theClientsIdIsReturnedAndRepeatedInTheProblemOfTheSecurityFilter() {
		RestTestClient.ResponseSpec response = this.http.get()
			.uri("/api/v1/me")
			.header(RequestId.HEADER, "client-req-0001")
			.exchange();
		response.expectHeader().valueEquals(RequestId.HEADER, "client-req-0001");
		assertThat(problem(response, 401)).containsEntry("requestId", "client-req-0001");
	}

	@Test
	void problemsOfTheMvcAdviceCarryTheIdOfTheirResponse() {
		String token = login(registerFresh(), PASSWORD);
		RestTestClient.ResponseSpec response = this.http.post()
			.uri("/api/v1/accounts/me/deposits")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("Idempotency-Key", unique("key"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("amount", "-1.00"))
			.exchange();
		String header = response.returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER);
		assertThat(header).isNotBlank();
		assertThat(problem(response, 400)).containsEntry("requestId", header);
	}

	@Test
	void aHostileClientIdIsReplacedNotEchoed() {
		RestTestClient.ResponseSpec response = this.http.get()
			.uri("/api/v1/me")
			.header(RequestId.HEADER, "<script>alert(1)</script>")
			.exchange();
		String header = response.returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER);
		assertThat(header).matches("[0-9a-f-]{36}");
		assertThat(problem(response, 401)).containsEntry("requestId", header);
	}

	private String registerFresh() {
		String username = unique("reqid");
		register(username, PASSWORD);
		return username;
	}

}
