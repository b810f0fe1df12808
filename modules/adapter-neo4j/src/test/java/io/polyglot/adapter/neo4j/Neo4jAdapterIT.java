package io.polyglot.adapter.neo4j;

import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Neo4j adapter wired by Boot against a real local Neo4j: its health component
 * reports what serves it.
 */
@SpringBootTest(classes = Neo4jAdapterIT.Config.class)
class Neo4jAdapterIT {

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("neo4j"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	Neo4jHealthIndicator health;

	@Test
	void healthIsUpAndNamesTheServingImplementation() {
		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((String) health.getDetails().get("implementation")).startsWith("Neo4j 5.26.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
