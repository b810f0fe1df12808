package io.polyglot.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.polyglot.app.ContractValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input to the customer and session endpoints: every one is a 4xx
 * problem+json, and afterwards the username and e-mail it named are still free.
 */
class CustomersBadInputIT extends ApiTestSupport {

	@Value("${local.server.port}")
	int port;

	@Test
	void missingFieldsAreNamed() {
		String username = unique("miss");
		Map<?, ?> problem = problem(postCustomer("{\"username\":\"" + username + "\"}"), 400);

		assertThat(errors(problem)).containsExactly(Map.of("field", "email", "message", "is required"),
				Map.of("field", "password", "message", "is required"));
		assertThat(errors(problem(postCustomer("{}"), 400))).hasSize(3);
		assertStillFree(username);
	}

	@Test
	void anUnknownFieldIsRefusedNotIgnored() {
		String username = unique("extra");
		Map<?, ?> problem = problem(postCustomer(json(username, emailOf(username), PASSWORD, ",\"roles\":[\"ADMIN\"]")),
				400);

		assertThat(errors(problem)).containsExactly(Map.of("field", "roles", "message", "is not a known field"));
		assertStillFree(username);
	}

	@Test
	void wrongTypesAreRefusedNotCoerced() {
		String username = unique("type");
		for (String body : List.of(
				"{\"username\":12345,\"email\":\"" + emailOf(username) + "\",\"password\":\"" + PASSWORD + "\"}",
				"{\"username\":\"" + username + "\",\"email\":\"" + emailOf(username) + "\",\"password\":true}",
				"{\"username\":\"" + username + "\",\"email\":[\"" + emailOf(username) + "\"],\"password\":\""
						+ PASSWORD + "\"}",
				"{\"username\":{\"$gt\":\"\"},\"email\":\"" + emailOf(username) + "\",\"password\":\"" + PASSWORD
						+ "\"}")) {
			Map<?, ?> problem = problem(postCustomer(body), 400);
			assertThat(errors(problem)).singleElement()
				.satisfies((error) -> assertThat(error).containsEntry("message", "has the wrong type"));
		}
		assertStillFree(username);
	}

	@Test
	void anInvalidEmailIsNamed() {
		String username = unique("mail");
		for (String email : List.of("not-an-email", "a@b", "ada @example.com", "ada@example.com\r\nBcc: x@y.z",
				"x".repeat(300) + "@example.com")) {
			Map<?, ?> problem = problem(
					postCustomer(Map.of("username", username, "email", email, "password", PASSWORD)), 400);
			assertThat(fields(problem)).containsExactly("email");
		}
		assertStillFree(username);
	}

	@Test
	void passwordsThatAreTooLongEmptyOrOnlyWhitespaceAreRefused() {
		String username = unique("pw");
		for (String password : List.of("x".repeat(129), "", "          ", "short", "tab\tinside the password")) {
			Map<?, ?> problem = problem(
					postCustomer(Map.of("username", username, "email", emailOf(username), "password", password)), 400);
			assertThat(fields(problem)).containsExactly("password");
		}
		assertStillFree(username);
	}

	@Test
	void usernamesWithControlCharactersOrTenThousandCharactersAreRefused() {
		String email = emailOf(unique("ctl"));
		for (String username : List.of("ada\u0000x", "ada\nx", "ada\u001bx", "a".repeat(10_000), "ada x", "ab",
				"../etc")) {
			Map<?, ?> problem = problem(
					postCustomer(Map.of("username", username, "email", email, "password", PASSWORD)), 400);
			assertThat(fields(problem)).containsExactly("username");
			assertThat(problem.toString()).hasSizeLessThan(2_000);
		}
		// the e-mail of all those attempts is still free
		String fresh = unique("ctl");
		postCustomer(Map.of("username", fresh, "email", email, "password", PASSWORD)).expectStatus().isCreated();
	}

	@ParameterizedTest
	@ValueSource(strings = { "username=ada&password=secret", "{\"username\": \"ada", "not json at all", "[]", "null",
			"\"just a string\"", "{\"username\":\"a\",\"username\":\"b\"}", "{} {}" })
	void bodiesThatAreNotOneJsonObjectAreRefused(String body) {
		problem(postCustomer(body), 400);
		problem(postSession(body), 400);
	}

	@Test
	void anEmptyBodyIsRefused() {
		problem(this.http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).exchange(), 400);
		problem(this.http.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).exchange(), 400);
	}

	@Test
	void otherContentTypesAreUnsupportedMediaType() {
		String username = unique("ctype");
		String body = json(username, emailOf(username), PASSWORD, "");
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
				MediaType.APPLICATION_XML)) {
			problem(this.http.post().uri("/api/v1/customers").contentType(type).body(body).exchange(), 415);
		}
		problem(this.http.post()
			.uri("/api/v1/sessions")
			.contentType(MediaType.TEXT_PLAIN)
			.body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
			.exchange(), 415);
		assertStillFree(username);
	}

	@Test
	void aBodyJustOverTheLimitIsContentTooLarge() {
		String username = unique("big");
		String padding = "x".repeat(70 * 1024);
		problem(postCustomer(json(username, emailOf(username), padding, "")), 413);
		assertStillFree(username);
	}

	@Test
	void aDeclaredTenMegabyteBodyIsRefusedBeforeItIsSent() throws IOException {
		// only the headers go out: the answer must come from Content-Length alone
		String response = ContractValidation.checkRaw("POST", "/api/v1/customers",
				rawExchange("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\n",
						null));

		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("content-type: application/problem+json");
		assertThat(response).contains("\"status\":413");
	}

	@Test
	void aChunkedBodyPastTheLimitIsRefusedOnceItPassesIt() throws IOException {
		String username = unique("chunk");
		byte[] chunk = new byte[8 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		// a JSON object whose whitespace runs past the limit: 12 chunks of 8 KB = 96 KB
		String response = rawExchange("POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", (out) -> {
					writeChunk(out, ("{\"username\":\"" + username + "\",").getBytes(StandardCharsets.US_ASCII));
					for (int i = 0; i < 12; i++) {
						writeChunk(out, chunk);
					}
				});
		ContractValidation.checkRaw("POST", "/api/v1/customers", response);

		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("content-type: application/problem+json");
		assertStillFree(username);
	}

	@Test
	void loginWithAnOperatorInjectionOrUnknownFieldIsRefused() {
		problem(postSession("{\"username\":{\"$gt\":\"\"},\"password\":\"" + PASSWORD + "\"}"), 400);
		problem(postSession("{\"username\":\"" + ADMIN_USERNAME + "\",\"password\":{\"$ne\":null}}"), 400);
		problem(postSession("{\"username\":\"ada\",\"password\":\"" + PASSWORD + "\",\"admin\":true}"), 400);
		problem(postSession("{\"username\":\"ada\"}"), 400);
	}

	@Test
	void forgedTruncatedAndMalformedTokensAreUnauthorized() {
		String username = unique("tok");
		register(username, PASSWORD);
		String token = login(username, PASSWORD);
		char last = token.charAt(token.length() - 1);
		String flipped = token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');

		for (String header : List.of("Bearer " + "A".repeat(43), "Bearer " + token.substring(0, 42),
				"Bearer " + token + "A", "Bearer " + flipped, "Bearer " + token.substring(0, 42) + ".", "Bearer ",
				"Bearer", "Basic " + token, "Bearer  " + token, "Bearer " + "x".repeat(4_000), token)) {
			Map<?, ?> problem = problem(
					this.http.get()
						.uri("/api/v1/me")
						.header(HttpHeaders.AUTHORIZATION, header)
						.exchange()
						.expectHeader()
						.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge).startsWith("Bearer")),
					401);
			assertThat(problem.toString()).doesNotContain(token);
		}
		// a bad token is refused on a public path too, and nothing is registered
		String other = unique("tok2");
		problem(this.http.post()
			.uri("/api/v1/customers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + flipped)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", other, "email", emailOf(other), "password", PASSWORD))
			.exchange(), 401);
		assertStillFree(other);
		// the real token still works
		get("/api/v1/me", token).expectStatus().isOk();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec postCustomer(Object body) {
		return this.http.post().uri("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec postSession(Object body) {
		return this.http.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	/**
	 * Nothing was stored: a valid registration of exactly that username and e-mail works.
	 */
	private void assertStillFree(String username) {
		problem(loginAttempt(username, PASSWORD), 401);
		register(username, PASSWORD);
	}

	private static String json(String username, String email, String password, String more) {
		return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"" + more
				+ "}";
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> errors(Map<?, ?> problem) {
		assertThat(problem.get("errors")).isInstanceOf(List.class);
		return (List<Map<String, String>>) problem.get("errors");
	}

	private static List<String> fields(Map<?, ?> problem) {
		return errors(problem).stream().map((error) -> error.get("field")).toList();
	}

	private static void writeChunk(OutputStream out, byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	/** One request over a plain socket, for bodies no HTTP client library would send. */
	private String rawExchange(String head, BodyWriter body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			if (body != null) {
				body.write(out);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			// read the head and the JSON object of the body, not until the connection
			// closes: the container may keep it open a while to swallow a body it will
			// never get
			while (!isComplete(response.toString(StandardCharsets.UTF_8))) {
				int n = in.read(buffer);
				if (n == -1) {
					break;
				}
				response.write(buffer, 0, n);
			}
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private static boolean isComplete(String response) {
		int bodyStart = response.indexOf("\r\n\r\n");
		return bodyStart >= 0 && response.indexOf('}', bodyStart) >= 0;
	}

	@FunctionalInterface
	private interface BodyWriter {

		void write(OutputStream out) throws IOException;

	}

}
