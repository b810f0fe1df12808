package io.polyglot.app.api;

import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a tour touching every store, Prometheus shows a port-level timer per store (with
 * latency buckets for the request-path ports) and the Cassandra and Neo4j drivers' own
 * metrics, all in one registry.
 */
class StoreMetricsIT extends ApiTestSupport {

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Test
	void everyStoreHasPortTimersAndTheDriversReportTheirOwnMetrics() {
		String username = unique("metrics");
		register(username, PASSWORD);
		String token = login(username, PASSWORD);
		get("/api/v1/me", token).expectStatus().isOk();
		get("/api/v1/accounts/me", token).expectStatus().isOk();
		this.http.get().uri("/api/v1/categories").exchange().expectStatus().isOk();
		get("/api/v1/friends", token).expectStatus().isOk();
		get("/api/v1/me/activity", token).expectStatus().isOk();

		// what Prometheus scrapes; the endpoint itself is not exposed in production
		// settings (OperationsIT), so read the registry it serves
		String metrics = this.prometheus.scrape();
		assertThat(metrics).isNotNull();
		List<String> lines = metrics.lines().toList();
		for (String store : List.of("postgres", "mongodb", "redis", "cassandra", "neo4j")) {
			assertThat(lines).as("port timer of " + store)
				.anyMatch((line) -> line.startsWith("polyglot_store_operation_seconds_count{")
						&& line.contains("store=\"" + store + "\"") && line.contains("outcome=\"success\""));
		}
		assertThat(lines).as("latency buckets of the session look-up")
			.anyMatch((line) -> line.startsWith("polyglot_store_operation_seconds_bucket{")
					&& line.contains("port=\"Sessions\"") && line.contains("le=\"0.005\""));
		assertThat(lines).as("Cassandra driver metrics").anyMatch((line) -> line.contains("cql_requests"));
		assertThat(lines).as("Neo4j driver metrics").anyMatch((line) -> line.startsWith("neo4j_"));
	}

}
