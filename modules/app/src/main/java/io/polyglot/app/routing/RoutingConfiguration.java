package io.polyglot.app.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Makes the routing in force visible: the {@code routing} health component (always UP;
 * its details name the store of each concern) and the gauge
 * {@code polyglot.routing{concern, store}} with value 1 for each concern's store.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

	@Bean
	Routing routing(Environment environment) {
		return Routing.from(environment::getProperty);
	}

	@Bean
	HealthIndicator routingHealthIndicator(Routing routing) {
		Health health = Health.up().withDetails(routing.byConcern()).build();
		return () -> health;
	}

	@Bean
	RoutingMeters routingMeters(Routing routing, MeterRegistry meters) {
		routing.byConcern()
			.forEach((concern, store) -> Gauge.builder("polyglot.routing", () -> 1)
				.description("1 for the store that serves the concern")
				.tag("concern", concern)
				.tag("store", store)
				.register(meters));
		return new RoutingMeters();
	}

	/** Marks that the routing gauges are registered. */
	static final class RoutingMeters {

	}

}
