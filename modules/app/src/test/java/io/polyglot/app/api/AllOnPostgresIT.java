package io.polyglot.app.api;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.social.SocialGraph;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with every routable concern on PostgreSQL: only PostgreSQL is started and
 * configured, each port is served by the PostgreSQL adapter, and health and metrics show
 * the routing in force.
 */
@TestPropertySource(properties = { "polyglot.routing.catalog=postgres", "polyglot.routing.sessions=postgres",
		"polyglot.routing.event-log=postgres", "polyglot.routing.social-graph=postgres" })
class AllOnPostgresIT extends ApiTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	@SuppressWarnings("unchecked")
	void healthHasOnlyPostgresAndShowsTheRouting() {
		Map<String, Object> health = this.http.get()
			.uri("/actuator/health")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components).containsKeys("postgres", "routing")
			.doesNotContainKeys("mongodb", "mongo", "redis", "cassandra", "neo4j");
		assertThat(components.get("routing")).containsEntry("status", "UP")
			.containsEntry("details", Map.of("catalog", "postgres", "sessions", "postgres", "event-log", "postgres",
					"social-graph", "postgres"));
		for (String group : new String[] { "catalog", "orders", "sessions", "event-log", "social-graph" }) {
			this.http.get().uri("/actuator/health/" + group).exchange().expectStatus().isOk();
		}
	}

	@Test
	void everyPortIsServedByThePostgresAdapterAndNoOtherStoreClientExists() {
		for (Class<?> port : new Class<?>[] { Catalog.class, Stock.class, Sessions.class, LoginThrottle.class,
				EventLog.class, SocialGraph.class }) {
			// behind the service's decorators (bulkhead, metrics): the class of the
			// adapter itself
			assertThat(AopProxyUtils.ultimateTargetClass(this.context.getBean(port)).getSimpleName())
				.as(port.getSimpleName())
				.startsWith("Postgres");
		}
		assertThat(this.context.getBeansOfType(EventConsumer.class).values()).extracting(EventConsumer::name)
			.contains("eventlog");
		for (String client : new String[] { "com.mongodb.client.MongoClient",
				"org.springframework.data.redis.connection.RedisConnectionFactory",
				"com.datastax.oss.driver.api.core.CqlSession", "org.neo4j.driver.Driver" }) {
			assertThat(this.context.getBeanNamesForType(classOf(client))).as(client).isEmpty();
		}
	}

	@Test
	void theRoutingIsAMetric() {
		assertThat(
				this.meters.get("polyglot.routing").tag("concern", "catalog").tag("store", "postgres").gauge().value())
			.isEqualTo(1.0);
		assertThat(this.meters.find("polyglot.routing").tag("store", "mongodb").gauges()).isEmpty();
	}

	private static Class<?> classOf(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError(ex);
		}
	}

}
