package io.polyglot.app.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.polyglot.app.ContractValidation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges a fuzzer found, each a 4xx problem+json that changes nothing: text that is
 * not valid Unicode (an unpaired UTF-16 surrogate written as a JSON escape), the
 * container's error path called directly, requests Tomcat refuses before the application
 * (a header over the limit, too many headers, a NUL in a header), and unknown paths.
 */
class FuzzedEdgesIT extends ApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void anUnpairedSurrogateInThePasswordIsA400NamingTheFieldAndRegistersNobody() {
		String username = unique("surrogate");
		String body = "{\"username\":\"" + username + "\",\"email\":\"" + emailOf(username)
				+ "\",\"password\":\"correct horse \\ud800 battery\"}";
		Map<String, Object> problem = problem(postJson("/api/v1/customers", body), 400);
		assertThat(problem.get("errors"))
			.isEqualTo(List.of(Map.of("field", "password", "message", "must be valid Unicode text")));
		// nothing was registered: the same username is still free
		register(username, PASSWORD);
	}

	@Test
	void anUnpairedSurrogateInAnyStringIsA400() {
		// a lone low surrogate, a high one at the end, one in a login
		problem(postJson("/api/v1/customers",
				"{\"username\":\"a\\udc00b\",\"email\":\"x@example.com\",\"password\":\"correct horse battery\"}"),
				400);
		problem(postJson("/api/v1/customers",
				"{\"username\":\"ab\",\"email\":\"x@example.com\\ud83d\",\"password\":\"correct horse battery\"}"),
				400);
		Map<String, Object> login = problem(
				postJson("/api/v1/sessions", "{\"username\":\"nobody\",\"password\":\"x\\ud800\"}"), 400);
		assertThat(login.get("errors"))
			.isEqualTo(List.of(Map.of("field", "password", "message", "must be valid Unicode text")));
		// a proper pair (an emoji as an escaped surrogate pair) is text like any other
		String username = unique("pair");
		this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\"" + username + "\",\"email\":\"" + emailOf(username)
					+ "\",\"password\":\"correct horse \\ud83d\\ude00 battery\"}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void theErrorPathCalledDirectlyIsA404ProblemAndNotInTheApiDocs() {
		assertThat(problem(this.http.get().uri("/error").exchange(), 404).get("detail"))
			.isEqualTo("No endpoint at this path.");
		problem(postJson("/error", "{}"), 404);
		problem(this.http.delete().uri("/error").exchange(), 404);
		String docs = this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(JSON.readTree(docs).path("paths").has("/error")).isFalse();
	}

	@Test
	void unknownPathsAreAClean404Problem() {
		String username = unique("nopath");
		register(username, PASSWORD);
		String token = login(username, PASSWORD);
		for (String path : new String[] { "/api/v1/nope", "/api/v1/accounts/me/nope", "/nothing-here.txt" }) {
			Map<String, Object> problem = problem(get(path, token), 404);
			assertThat(problem.get("detail")).as(path).isEqualTo("No endpoint at this path.");
			assertThat(problem.toString()).doesNotContain("static resource");
		}
	}

	@Test
	void requestsTomcatRefusesAreProblemJsonNotHtml() throws IOException {
		String big = "a".repeat(40 * 1024);
		assertTomcatProblem("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
				+ "\r\nConnection: close\r\n\r\n");
		StringBuilder many = new StringBuilder("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\n");
		for (int i = 0; i < 150; i++) {
			many.append("X-H").append(i).append(": v\r\n");
		}
		assertTomcatProblem(many.append("Connection: close\r\n\r\n").toString());
		assertTomcatProblem("GET /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\u0000b\r\n"
				+ "Connection: close\r\n\r\n");
	}

	private void assertTomcatProblem(String rawRequest) throws IOException {
		String response = ContractValidation.checkRefusedBeforeRouting(exchangeRaw(rawRequest));
		int split = response.indexOf("\r\n\r\n");
		assertThat(split).as(response).isPositive();
		String head = response.substring(0, split);
		String body = response.substring(split + 4);
		assertThat(head).startsWith("HTTP/1.1 400");
		assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
		@SuppressWarnings("unchecked")
		Map<String, Object> problem = JSON.readValue(body, Map.class);
		assertThat(problem).containsEntry("status", 400).containsKeys("type", "title", "detail");
	}

	private String exchangeRaw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					received.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				// Tomcat may reset the connection after its answer to a refused request
				if (received.size() == 0) {
					throw ex;
				}
			}
			return received.toString(StandardCharsets.UTF_8);
		}
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec postJson(String path, String body) {
		return this.http.post()
			.uri(path)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(body)
			.exchange();
	}

}
