package io.polyglot.adapter.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.Person;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code polyglot.social.neo4j.database} reaches every call: the community server hosts
 * one user database ({@code neo4j}), so a graph named after it works and a graph named
 * after a database that does not exist fails instead of writing to the default one.
 */
@SpringBootTest(classes = Neo4jDatabaseIT.Config.class, properties = "polyglot.social.neo4j.database=neo4j")
class Neo4jDatabaseIT {

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("neo4j"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	Neo4jSocialGraph graph;

	@Autowired
	Neo4jSocialProperties properties;

	@Autowired
	Driver driver;

	@Test
	void theConfiguredDatabaseIsBoundAndServesTheGraph() {
		assertThat(this.properties.neo4jDatabase().name()).isEqualTo("neo4j");
		Person ada = new Person(CustomerId.random(), "ada");
		this.graph.recordPeople(List.of(ada));
		assertThat(this.graph.person(ada.id())).contains(ada);
	}

	@Test
	void aDatabaseThatDoesNotExistIsRefusedAndNothingIsWrittenElsewhere() {
		Neo4jDatabase missing = new Neo4jDatabase("no-such-graph");
		Neo4jSocialGraph elsewhere = new Neo4jSocialGraph(this.driver, new Neo4jSchema(this.driver, missing),
				Duration.ofSeconds(5), missing);
		Person bob = new Person(CustomerId.random(), "bob");

		assertThatThrownBy(() -> elsewhere.recordPeople(List.of(bob))).isInstanceOf(Neo4jException.class)
			.hasMessageContaining("no-such-graph");
		long stored = this.driver.executableQuery("MATCH (p:Person {id: $id}) RETURN count(p) AS n")
			.withParameters(Map.of("id", bob.id().toString()))
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();
		assertThat(stored).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
