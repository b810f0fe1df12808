package io.polyglot.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers and sessions end to end over HTTP, against PostgreSQL (customers) and Redis
 * (sessions, login limits).
 */
class CustomersAndSessionsIT extends ApiTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void registerLoginSeeMyselfListSessionsAndLogOut() {
		String username = unique("ada");
		Instant before = Instant.now();

		EntityExchangeResult<Map> registered = this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "email", emailOf(username), "password", PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult();
		Map<String, Object> customer = registered.getResponseBody();
		String id = (String) customer.get("id");
		assertThat(customer).containsOnlyKeys("id", "username", "email")
			.containsEntry("username", username)
			.containsEntry("email", emailOf(username));
		assertThat(registered.getResponseHeaders().getLocation()).hasPath("/api/v1/customers/" + id);

		EntityExchangeResult<Map> loggedIn = loginAttempt(username, PASSWORD).expectStatus()
			.isCreated()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult();
		String token = (String) loggedIn.getResponseBody().get("token");
		Instant expiresAt = Instant.parse((String) loggedIn.getResponseBody().get("expiresAt"));
		assertThat(token).hasSize(43);
		assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(29)),
				Instant.now().plus(Duration.ofMinutes(31)));

		Map<String, Object> me = get("/api/v1/me", token).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(me).containsEntry("id", id)
			.containsEntry("username", username)
			.containsEntry("email", emailOf(username))
			.containsEntry("roles", List.of("CUSTOMER"));

		EntityExchangeResult<byte[]> listed = get("/api/v1/sessions", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].current")
			.isEqualTo(true)
			.jsonPath("$.items[0].id")
			.isNotEmpty()
			.jsonPath("$.items[0].createdAt")
			.isNotEmpty()
			.jsonPath("$.items[0].lastSeenAt")
			.isNotEmpty()
			.returnResult();
		String listing = new String(listed.getResponseBodyContent());
		assertThat(listing).doesNotContain(token).doesNotContainIgnoringCase("hash").doesNotContain("token");

		this.http.delete()
			.uri("/api/v1/sessions/current")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNoContent();

		problem(get("/api/v1/me", token).expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge).startsWith("Bearer")), 401);
	}

	@Test
	@SuppressWarnings("unchecked")
	void endingAllSessionsEndsEveryOneOfTheCaller() {
		String username = unique("bob");
		register(username, PASSWORD);
		String first = login(username, PASSWORD);
		String second = login(username, PASSWORD);
		String bystander = unique("eve");
		register(bystander, PASSWORD);
		String bystanderToken = login(bystander, PASSWORD);

		List<Map<String, Object>> sessions = (List<Map<String, Object>>) get("/api/v1/sessions", first).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
		assertThat(sessions).hasSize(2);
		assertThat(sessions).filteredOn((session) -> Boolean.TRUE.equals(session.get("current"))).hasSize(1);

		this.http.delete()
			.uri("/api/v1/sessions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + first)
			.exchange()
			.expectStatus()
			.isNoContent();

		problem(get("/api/v1/me", first), 401);
		problem(get("/api/v1/me", second), 401);
		get("/api/v1/me", bystanderToken).expectStatus().isOk();
	}

	@Test
	void aSecondRegistrationWithATakenUsernameOrEmailIsAConflictAndStoresNothing() {
		String username = unique("cy");
		register(username, PASSWORD);

		Map<?, ?> sameAgain = problem(this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username, "email", emailOf(username), "password", PASSWORD))
			.exchange(), 409);
		assertThat((String) sameAgain.get("detail")).isNotBlank();

		Map<?, ?> takenUsername = problem(this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", username.toUpperCase(), "email", emailOf(unique("other")), "password",
					"another password 1"))
			.exchange(), 409);
		assertThat((String) takenUsername.get("detail")).containsIgnoringCase("username");

		String freshUsername = unique("cy2");
		Map<?, ?> takenEmail = problem(this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", freshUsername, "email", emailOf(username).toUpperCase(), "password",
					"another password 2"))
			.exchange(), 409);
		assertThat((String) takenEmail.get("detail")).containsIgnoringCase("mail");

		// the refused attempts changed nothing: the first password still works, theirs do
		// not, and the username of the refused e-mail attempt is still free
		login(username, PASSWORD);
		problem(loginAttempt(username, "another password 1"), 401);
		problem(loginAttempt(freshUsername, "another password 2"), 401);
		register(freshUsername, PASSWORD);
	}

	@Test
	void concurrentRegistrationsOfOneUsernameGiveExactlyOneCustomer() throws Exception {
		String username = unique("race");
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String password = "racing password " + i;
				statuses.add(pool.submit(() -> {
					start.await();
					return this.http.post()
						.uri("/api/v1/customers")
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("username", username, "email", emailOf(username), "password", password))
						.exchange()
						.returnResult()
						.getStatus()
						.value();
				}));
			}
			start.countDown();
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				codes.add(status.get(60, TimeUnit.SECONDS));
			}
			assertThat(codes).filteredOn((code) -> code == 201).hasSize(1);
			assertThat(codes).filteredOn((code) -> code == 409).hasSize(threads - 1);
			// the stored customer is the winner's: its password works, a loser's does not
			int winner = codes.indexOf(201);
			login(username, "racing password " + winner);
			problem(loginAttempt(username, "racing password " + ((winner + 1) % threads)), 401);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void repeatedWrongPasswordsBlockTheUsernameEvenForTheRightPassword() {
		String username = unique("dee");
		register(username, PASSWORD);

		for (int i = 0; i < 5; i++) {
			problem(loginAttempt(username, "wrong password " + i), 401);
		}

		EntityExchangeResult<Map> blocked = loginAttempt(username, PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult();
		long retryAfter = Long.parseLong(blocked.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		assertThat(blocked.getResponseBody()).containsEntry("status", 429);
		problem(loginAttempt(username, "wrong password again"), 429);
		// the block is per username: another customer logs in from the same address
		String other = unique("dee2");
		register(other, PASSWORD);
		login(other, PASSWORD);
	}

	@Test
	void anUnknownUsernameAndAWrongPasswordGetIdenticalAnswers() {
		String username = unique("fay");
		register(username, PASSWORD);

		EntityExchangeResult<byte[]> unknown = loginAttempt(unique("nobody"), PASSWORD).expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult();
		EntityExchangeResult<byte[]> wrong = loginAttempt(username, "not the password").expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult();

		// identical but for the request id every problem carries, which differs
		// from request to request
		assertThat(withoutRequestId(unknown.getResponseBodyContent()))
			.isEqualTo(withoutRequestId(wrong.getResponseBodyContent()));
		assertThat(unknown.getResponseHeaders().getContentType())
			.isEqualTo(wrong.getResponseHeaders().getContentType());
		assertThat(unknown.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
			.isEqualTo(wrong.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void protectedPathsWithoutATokenAreProblemJsonWithABearerChallengeEvenForBrowsers() {
		for (String path : List.of("/api/v1/me", "/api/v1/sessions", "/api/v1/no-such-thing")) {
			problem(this.http.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchange()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), 401);
		}
		problem(this.http.delete().uri("/api/v1/sessions").exchange(), 401);
	}

	@Test
	void anUnknownPathForASignedInCallerIsNotFoundAsProblemJson() {
		String username = unique("gus");
		register(username, PASSWORD);

		problem(get("/api/v1/no-such-thing", login(username, PASSWORD)), 404);
	}

	private static String withoutRequestId(byte[] body) {
		return new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\"requestId\":\"[^\"]*\"", "");
	}

}
