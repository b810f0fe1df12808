package io.polyglot.app;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against the five real local stores: every store is a health component that
 * is UP and names what actually serves it; operations endpoints answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class OperationsIT {

	@Autowired
	RestTestClient http;

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsEveryStoreUpWithTheImplementationServingIt() {
		Map<String, Object> health = this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(health).containsEntry("status", "UP");
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components).containsKeys("postgres", "mongodb", "redis", "cassandra", "neo4j");
		// the testcontainers profile serves genuine MongoDB; the default build the
		// wire-compatible stand-in
		boolean genuineMongo = "external".equals(System.getProperty("polyglot.test.stores"));
		Map<String, String> expected = Map.of("postgres", "PostgreSQL 17.", "mongodb",
				genuineMongo ? "MongoDB " : "mongo-java-server 1.47", "redis", "Redis ", "cassandra",
				"Apache Cassandra 5.0.", "neo4j", "Neo4j 5.26.");
		expected.forEach((store, implementationPrefix) -> {
			Map<String, Object> component = components.get(store);
			assertThat(component).as(store).containsEntry("status", "UP");
			Map<String, Object> details = (Map<String, Object>) component.get("details");
			assertThat((String) details.get("implementation")).as(store + " implementation")
				.startsWith(implementationPrefix);
		});
		Map<String, Object> mongoDetails = (Map<String, Object>) components.get("mongodb").get("details");
		assertThat(mongoDetails).containsEntry("genuineMongoDB", genuineMongo);
	}

	@Test
	void readinessAndLivenessProbesAnswer() {
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusAndOpenApiAreServed() {
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void unknownPathIsProblemJson() {
		// security answers before routing: an anonymous caller learns nothing about which
		// API paths exist (a signed-in caller gets 404, see CustomersAndSessionsIT)
		this.http.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
