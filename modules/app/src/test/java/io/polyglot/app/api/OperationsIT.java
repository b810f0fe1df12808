package io.polyglot.app.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations surface in production settings (no profile, the property defaults),
 * against the five real local stores: health tells everyone its status and only an admin
 * its components and details; metrics and Prometheus are not exposed; readiness includes
 * PostgreSQL; every concern has a health group. The local run's open settings:
 * {@link OperationsLocalIT}.
 */
@SuppressWarnings("unchecked")
class OperationsIT extends ApiTestSupport {

	private static final Map<String, List<String>> GROUPS = Map.of("accounts", List.of("postgres"), "orders",
			List.of("postgres", "mongodb"), "catalog", List.of("mongodb"), "sessions", List.of("redis"), "event-log",
			List.of("cassandra", "outbox"), "social-graph", List.of("neo4j"), "readiness",
			List.of("readinessState", "postgres"));

	@Test
	void anonymousCallersAndCustomersSeeTheStatusOnly() {
		Map<String, Object> anonymous = health("/actuator/health", null);
		assertThat(anonymous).containsEntry("status", "UP").doesNotContainKeys("components", "details");
		String username = unique("opsuser");
		register(username, PASSWORD);
		Map<String, Object> customer = health("/actuator/health", login(username, PASSWORD));
		assertThat(customer).containsEntry("status", "UP").doesNotContainKeys("components", "details");
		for (String group : GROUPS.keySet()) {
			assertThat(health("/actuator/health/" + group, null)).as(group)
				.containsEntry("status", "UP")
				.doesNotContainKey("components");
		}
	}

	@Test
	void anAdminSeesEveryStoreUpWithTheImplementationServingIt() {
		Map<String, Object> health = health("/actuator/health", adminToken());
		assertThat(health).containsEntry("status", "UP");
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components).containsKeys("postgres", "mongodb", "redis", "cassandra", "neo4j", "outbox");
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
	void everyConcernHasAHealthGroupOfItsStoresAndReadinessIncludesPostgres() {
		String admin = adminToken();
		GROUPS.forEach((group, members) -> {
			Map<String, Object> health = health("/actuator/health/" + group, admin);
			assertThat(health).as(group).containsEntry("status", "UP");
			assertThat((Map<String, Object>) health.get("components")).as(group)
				.containsOnlyKeys(members.toArray(String[]::new));
		});
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void metricsAndPrometheusAreNotPublic() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics",
				"/actuator/metrics/jvm.memory.used" }) {
			this.http.get().uri(path).exchange().expectStatus().isNotFound();
			get(path, adminToken()).expectStatus().isNotFound();
		}
	}

	@Test
	void openApiIsServed() {
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
		// API paths exist (a signed-in caller gets 404, see FuzzedEdgesIT)
		this.http.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private Map<String, Object> health(String path, String token) {
		RestTestClient.RequestHeadersSpec<?> request = this.http.get().uri(path);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

}
