package io.polyglot.adapter.mongodb;

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
 * The MongoDB adapter wired by Boot against a real local MongoDB: its health component
 * reports what serves it.
 */
@SpringBootTest(classes = MongoAdapterIT.Config.class)
class MongoAdapterIT {

	@DynamicPropertySource
	static void mongodb(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("mongodb"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	MongoHealthIndicator health;

	@Test
	void healthIsUpAndNamesTheServingImplementation() {
		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((String) health.getDetails().get("implementation")).startsWith("mongo-java-server 1.47");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
