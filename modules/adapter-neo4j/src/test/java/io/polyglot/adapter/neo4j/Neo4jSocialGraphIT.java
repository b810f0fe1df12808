package io.polyglot.adapter.neo4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.FriendGraphPlaygroundContract;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.PeopleListingContract;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SocialGraphContract;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social graph contract against a real local Neo4j, plus what only Neo4j shows: the
 * uniqueness constraint and the direction a friendship is stored in.
 */
@SpringBootTest(classes = Neo4jSocialGraphIT.Config.class)
class Neo4jSocialGraphIT extends SocialGraphContract {

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("neo4j"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	SocialGraph graph;

	@Autowired
	PeopleListing listing;

	@Autowired
	Driver driver;

	@Override
	protected SocialGraph graph() {
		return this.graph;
	}

	@Override
	protected long storedFriendships(CustomerId one, CustomerId other) {
		return count("MATCH (:Person {id: $one})-[f:FRIEND]-(:Person {id: $other}) RETURN count(f) AS n",
				Map.of("one", one.toString(), "other", other.toString()));
	}

	@Override
	protected long storedPeople(CustomerId id) {
		return count("MATCH (p:Person {id: $id}) RETURN count(p) AS n", Map.of("id", id.toString()));
	}

	@Test
	void personIdIsUniqueByConstraint() {
		this.graph.person(CustomerId.random());
		List<String> constraints = this.driver.executableQuery("SHOW CONSTRAINTS YIELD name RETURN name")
			.execute()
			.records()
			.stream()
			.map((row) -> row.get("name").asString())
			.toList();
		assertThat(constraints).contains("person_id_unique");
	}

	@Test
	void aFriendshipIsStoredFromTheSmallerIdToTheLarger() {
		var ada = person("ada");
		var bob = person("bob");
		this.graph.addFriendship(bob.id(), ada.id());
		String low = (ada.id().toString().compareTo(bob.id().toString()) < 0) ? ada.id().toString()
				: bob.id().toString();
		String high = low.equals(ada.id().toString()) ? bob.id().toString() : ada.id().toString();

		assertThat(count("MATCH (:Person {id: $low})-[f:FRIEND]->(:Person {id: $high}) RETURN count(f) AS n",
				Map.of("low", low, "high", high)))
			.isOne();
	}

	private long count(String query, Map<String, Object> parameters) {
		return this.driver.executableQuery(query)
			.withParameters(parameters)
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

	/** The people listing contract against the same Neo4j graph. */
	@Nested
	class PeopleListingOnNeo4j extends PeopleListingContract {

		@Override
		protected SocialGraph graph() {
			return Neo4jSocialGraphIT.this.graph;
		}

		@Override
		protected PeopleListing listing() {
			return Neo4jSocialGraphIT.this.listing;
		}

	}

	/** Demo 5's graph in Neo4j, under the demo's own labels. */
	@Nested
	class DemoFriendGraph extends FriendGraphPlaygroundContract {

		@Override
		protected FriendGraphPlayground playground() {
			return new Neo4jFriendGraph(Neo4jSocialGraphIT.this.driver, Duration.ofSeconds(60));
		}

	}

}
