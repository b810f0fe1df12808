package io.polyglot.adapter.postgres;

import java.util.ArrayList;
import java.util.List;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.PathDepth;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.PeopleListingContract;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SocialGraphContract;
import io.polyglot.domain.social.SocialPath;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social graph contract against a real local PostgreSQL, plus a path at the full
 * depth of six hops, found from either end.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresSocialGraphIT extends SocialGraphContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Override
	protected SocialGraph graph() {
		return new PostgresSocialGraph(this.jdbc, this.transactionManager);
	}

	@Override
	protected long storedFriendships(CustomerId one, CustomerId other) {
		// each friendship is two rows, one per direction: count the pairs
		Long rows = this.jdbc.queryForObject(
				"SELECT count(*) FROM social_friendships WHERE (person_id, friend_id) IN ((?, ?), (?, ?))", Long.class,
				one.value(), other.value(), other.value(), one.value());
		assertThat(rows % 2).as("both directions or neither").isZero();
		return rows / 2;
	}

	@Override
	protected long storedPeople(CustomerId id) {
		return this.jdbc.queryForObject("SELECT count(*) FROM social_people WHERE id = ?", Long.class, id.value());
	}

	@Test
	void aChainOfSixHopsIsFoundAtDepthSixOnlyAndFromEitherEnd() {
		List<Person> chain = new ArrayList<>();
		for (int i = 0; i <= 6; i++) {
			chain.add(person("chain" + i));
		}
		for (int i = 0; i < 6; i++) {
			graph().addFriendship(chain.get(i).id(), chain.get(i + 1).id());
		}
		// a dead-end branch at every step, so the search has more than the chain to walk
		for (Person link : chain) {
			graph().addFriendship(link.id(), person("branch").id());
		}

		SocialPath path = graph().shortestPath(chain.get(0).id(), chain.get(6).id(), new PathDepth(6)).orElseThrow();
		assertThat(path.people()).containsExactlyElementsOf(chain);
		assertThat(graph().shortestPath(chain.get(6).id(), chain.get(0).id(), new PathDepth(6)).orElseThrow().people())
			.containsExactlyElementsOf(reversed(chain));
		assertThat(graph().shortestPath(chain.get(0).id(), chain.get(6).id(), new PathDepth(5))).isEmpty();
	}

	private static List<Person> reversed(List<Person> people) {
		List<Person> reversed = new ArrayList<>(people);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	/** The people listing contract against the same PostgreSQL tables. */
	@Nested
	class PeopleListingOnPostgres extends PeopleListingContract {

		@Override
		protected SocialGraph graph() {
			return PostgresSocialGraphIT.this.graph();
		}

		@Override
		protected PeopleListing listing() {
			return new PostgresSocialGraph(PostgresSocialGraphIT.this.jdbc,
					PostgresSocialGraphIT.this.transactionManager);
		}

	}

}
