package io.polyglot.app.demos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the demo tests: the service on a random port against the five real local stores
 * with the demos switched on and open (as in the local run); one context shared by every
 * subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyglot.demos.enabled=true", "polyglot.demos.admin-only=false",
				"polyglot.sessions.max-failures-per-address=100000" })
@AutoConfigureRestTestClient
abstract class DemoTestSupport {

	/** What the demos measured, logged so a test run shows this machine's figures. */
	private static final Logger FINDINGS = LoggerFactory.getLogger("demo-findings");

	@Autowired
	RestTestClient http;

	@LocalServerPort
	int port;

	@SuppressWarnings("unchecked")
	Map<String, Object> post(String path, Object body) {
		Map<String, Object> played = this.http.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		// what the demo measured on this machine, for whoever reads the test log
		FINDINGS.info("{} findings: {}", path, (played != null) ? played.get("findings") : null);
		return played;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> get(String path) {
		return this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	RestTestClient.ResponseSpec postRaw(String path, String json) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> problem(RestTestClient.ResponseSpec response, int status) {
		Map<String, Object> body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsKeys("type", "title", "status", "detail");
		return body;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(200);
		}
	}

}
