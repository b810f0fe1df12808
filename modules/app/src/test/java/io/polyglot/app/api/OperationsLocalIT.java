package io.polyglot.app.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations surface of the local run (profile {@code local}): open to everyone on a
 * developer's machine, health with every component, metrics and Prometheus served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("local")
class OperationsLocalIT {

	@Autowired
	RestTestClient http;

	@Test
	@SuppressWarnings("unchecked")
	void healthDetailsMetricsAndPrometheusAreOpen() {
		Map<String, Object> health = this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat((Map<String, Object>) health.get("components")).containsKeys("postgres", "mongodb", "redis",
				"cassandra", "neo4j", "outbox");
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/health/catalog").exchange().expectStatus().isOk();
	}

}
