package io.polyglot.adapter.neo4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.PathDepth;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SocialPath;
import io.polyglot.domain.social.Suggestion;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cypher against brute force: on a seeded random graph of a few hundred people, the
 * suggestions (ids, mutual counts, order, limit) and the shortest path lengths (and their
 * absence within the depth) Neo4j answers equal a plain in-memory computation, for every
 * person in the graph.
 */
@SpringBootTest(classes = Neo4jSocialGraphBruteForceIT.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Neo4jSocialGraphBruteForceIT {

	private static final int PEOPLE = 300;

	private static final int FRIENDSHIPS = 420;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("neo4j"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	SocialGraph graph;

	private final Random random = new Random(20261121L);

	private final List<Person> people = new ArrayList<>();

	private final Map<CustomerId, Set<CustomerId>> friends = new HashMap<>();

	private final Map<CustomerId, Person> byId = new HashMap<>();

	@BeforeAll
	void loadARandomGraph() {
		for (int i = 0; i < PEOPLE; i++) {
			// random ids from the seeded generator: reproducible, and distinct from every
			// other test's people in the shared store
			Person person = new Person(new CustomerId(new UUID(this.random.nextLong(), this.random.nextLong())),
					"p" + i);
			this.people.add(person);
			this.byId.put(person.id(), person);
			this.friends.put(person.id(), new HashSet<>());
		}
		this.graph.recordPeople(this.people);
		int added = 0;
		while (added < FRIENDSHIPS) {
			// a skewed pick gives hubs and a long sparse tail: paths of every length and
			// people out of reach
			CustomerId a = this.people.get(skewed()).id();
			CustomerId b = this.people.get(this.random.nextInt(PEOPLE)).id();
			if (a.equals(b) || this.friends.get(a).contains(b)) {
				continue;
			}
			this.graph.addFriendship(a, b);
			this.friends.get(a).add(b);
			this.friends.get(b).add(a);
			added++;
		}
	}

	private int skewed() {
		double u = this.random.nextDouble();
		return (int) (u * u * PEOPLE);
	}

	@Test
	void suggestionsEqualBruteForceForEveryPerson() {
		int nonEmpty = 0;
		for (Person person : this.people) {
			int limit = 1 + this.random.nextInt(15);
			List<Suggestion> expected = bruteForceSuggestions(person.id(), limit);
			assertThat(this.graph.suggestions(person.id(), limit)).as("suggestions for %s, limit %d", person, limit)
				.isEqualTo(expected);
			nonEmpty += expected.isEmpty() ? 0 : 1;
		}
		assertThat(nonEmpty).as("people with suggestions").isGreaterThan(PEOPLE / 2);
	}

	@Test
	void shortestPathLengthsEqualBreadthFirstSearchForEveryPerson() {
		Map<Integer, Integer> outcomes = new HashMap<>();
		for (Person from : this.people) {
			Map<CustomerId, Integer> distances = breadthFirst(from.id());
			for (int i = 0; i < 3; i++) {
				Person to = this.people.get(this.random.nextInt(PEOPLE));
				if (to.equals(from)) {
					continue;
				}
				int maxDepth = 1 + this.random.nextInt(PathDepth.MAX);
				Integer distance = distances.get(to.id());
				Optional<SocialPath> path = this.graph.shortestPath(from.id(), to.id(), new PathDepth(maxDepth));
				if (distance == null || distance > maxDepth) {
					assertThat(path).as("%s to %s within %d (distance %s)", from, to, maxDepth, distance).isEmpty();
					outcomes.merge(-1, 1, Integer::sum);
				}
				else {
					assertThat(path).as("%s to %s within %d", from, to, maxDepth).isPresent();
					assertThat(path.get().hops()).as("%s to %s", from, to).isEqualTo(distance);
					assertIsAChainOfFriendships(path.get(), from, to);
					outcomes.merge(distance, 1, Integer::sum);
				}
			}
		}
		// the graph must exercise absence and several lengths, or the comparison
		// says little
		assertThat(outcomes.keySet()).as("outcomes %s", outcomes).contains(-1, 1, 2, 3, 4);
	}

	private void assertIsAChainOfFriendships(SocialPath path, Person from, Person to) {
		List<Person> chain = path.people();
		assertThat(chain.get(0)).isEqualTo(from);
		assertThat(chain.get(chain.size() - 1)).isEqualTo(to);
		for (int i = 1; i < chain.size(); i++) {
			assertThat(this.friends.get(chain.get(i - 1).id())).contains(chain.get(i).id());
			assertThat(this.byId.get(chain.get(i).id())).isEqualTo(chain.get(i));
		}
	}

	private List<Suggestion> bruteForceSuggestions(CustomerId who, int limit) {
		Set<CustomerId> mine = this.friends.get(who);
		Map<CustomerId, Integer> mutual = new HashMap<>();
		for (CustomerId friend : mine) {
			for (CustomerId candidate : this.friends.get(friend)) {
				if (!candidate.equals(who) && !mine.contains(candidate)) {
					mutual.merge(candidate, 1, Integer::sum);
				}
			}
		}
		return mutual.entrySet()
			.stream()
			.sorted(Comparator.<Map.Entry<CustomerId, Integer>>comparingInt(Map.Entry::getValue)
				.reversed()
				.thenComparing((entry) -> entry.getKey().toString()))
			.limit(limit)
			.map((entry) -> new Suggestion(this.byId.get(entry.getKey()), entry.getValue()))
			.toList();
	}

	private Map<CustomerId, Integer> breadthFirst(CustomerId from) {
		Map<CustomerId, Integer> distances = new HashMap<>(Map.of(from, 0));
		Deque<CustomerId> queue = new ArrayDeque<>(List.of(from));
		while (!queue.isEmpty()) {
			CustomerId current = queue.poll();
			for (CustomerId friend : this.friends.get(current)) {
				if (!distances.containsKey(friend)) {
					distances.put(friend, distances.get(current) + 1);
					queue.add(friend);
				}
			}
		}
		return distances;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
