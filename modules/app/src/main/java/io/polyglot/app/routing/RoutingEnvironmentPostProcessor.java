package io.polyglot.app.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches off Spring Boot's auto-configuration of every store the routing leaves unused,
 * so a service with all concerns on PostgreSQL creates no MongoDB, Redis, Cassandra or
 * Neo4j client at all: nothing connects to, waits for or reports on a store that serves
 * nothing. The adapters back off by the same properties (their
 * {@code @ConditionalOnProperty}); this covers Boot's own client beans, points each
 * concern's health group at the store serving it, and switches the demo page off (it
 * shows all five stores side by side).
 */
public class RoutingEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final String GROUP = "management.endpoint.health.group.";

	/** Boot's auto-configurations per store, by name: absent classes are ignored. */
	static final Map<String, List<String>> AUTO_CONFIGURATIONS = Map.of("mongodb", List.of(
			"org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
			"org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
			"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
			"org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration"),
			"redis",
			List.of("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
					"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration"),
			"cassandra",
			List.of("org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration",
					"org.springframework.boot.cassandra.autoconfigure.health.CassandraHealthContributorAutoConfiguration",
					"org.springframework.boot.cassandra.autoconfigure.health.CassandraReactiveHealthContributorAutoConfiguration"),
			"neo4j",
			List.of("org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration",
					"org.springframework.boot.neo4j.autoconfigure.health.Neo4jHealthContributorAutoConfiguration",
					"org.springframework.boot.neo4j.autoconfigure.observation.Neo4jObservationAutoConfiguration"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Routing routing = Routing.from(environment::getProperty);
		List<String> excluded = new ArrayList<>();
		AUTO_CONFIGURATIONS.forEach((store, names) -> {
			if (routing.unused(store)) {
				excluded.addAll(names);
			}
		});
		if (excluded.isEmpty()) {
			return;
		}
		// a property source of its own would hide the configured exclusions, so they are
		// read and kept
		List<String> exclusions = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, String[].class).map(List::of).orElse(List.of()));
		exclusions.addAll(excluded);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(EXCLUDE, String.join(",", exclusions));
		// each concern's health group names the store that serves it now (a group naming
		// a component that does not exist would stop the service)
		properties.put(GROUP + "catalog.include", routing.catalog());
		properties.put(GROUP + "orders.include",
				routing.unused("mongodb") ? Routing.POSTGRES : Routing.POSTGRES + ",mongodb");
		properties.put(GROUP + "sessions.include", routing.sessions());
		properties.put(GROUP + "event-log.include", routing.eventLog() + ",outbox");
		properties.put(GROUP + "social-graph.include", routing.socialGraph());
		// the demo page shows the five stores side by side: without them it cannot run
		properties.put("polyglot.demos.enabled", "false");
		environment.getPropertySources().addFirst(new MapPropertySource("polyglotRouting", properties));
	}

}
