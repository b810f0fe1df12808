package io.polyglot.adapter.cassandra;

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
 * The Cassandra adapter wired by Boot against a real local Cassandra: its health
 * component reports what serves it.
 */
@SpringBootTest(classes = CassandraAdapterIT.Config.class)
class CassandraAdapterIT {

	@DynamicPropertySource
	static void cassandra(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("cassandra"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	CassandraHealthIndicator health;

	@Test
	void healthIsUpAndNamesTheServingImplementation() {
		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((String) health.getDetails().get("implementation")).startsWith("Apache Cassandra 5.0.");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
