package io.polyglot.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.Suggestion;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Friends-of-friends suggestions in Neo4j against the same question in PostgreSQL, on the
 * same data: 10,000 people and ~100,000 friendships. A measurement for the docs, not a
 * test: its name does not end in Test or IT, so the build never runs it; run it with
 * {@code ./mvnw -pl modules/app -am verify -Dit.test=FriendsOfFriendsBenchmark
 * -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false}. It asserts only that both
 * stores give the same answers, never a time.
 * <p>
 * Neo4j is asked through the adapter ({@link SocialGraph#suggestions}); PostgreSQL
 * through a scratch schema {@code bench_fof} (friendships stored in both directions,
 * primary key (a, b) plus an index on b) that the benchmark creates and drops. Both
 * include a client round trip over loopback; the queries alternate person by person.
 */
@SpringBootTest
class FriendsOfFriendsBenchmark {

	private static final int PEOPLE = 10_000;

	private static final int FRIENDSHIPS = 100_000;

	private static final int WARM_UP = 300;

	private static final int MEASURED = 1_000;

	private static final int LIMIT = 10;

	private static final int BATCH = 5_000;

	private static final String PG_SUGGESTIONS = """
			SELECT c.b AS id, p.username, count(*) AS mutual
			FROM bench_fof.friendships f
			JOIN bench_fof.friendships c ON c.a = f.b
			JOIN bench_fof.people p ON p.id = c.b
			WHERE f.a = ? AND c.b <> ?
			  AND NOT EXISTS (SELECT 1 FROM bench_fof.friendships x WHERE x.a = ? AND x.b = c.b)
			GROUP BY c.b, p.username
			ORDER BY mutual DESC, c.b
			LIMIT ?""";

	@Autowired
	SocialGraph graph;

	@Autowired
	Driver driver;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void friendsOfFriendsInNeo4jAndPostgres() throws IOException {
		Random random = new Random(42);
		List<UUID> people = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			people.add(new UUID(random.nextLong(), random.nextLong()));
		}
		List<UUID[]> pairs = randomPairs(random, people);
		try {
			long neo4jLoad = time(() -> loadNeo4j(people, pairs));
			long postgresLoad = time(() -> loadPostgres(people, pairs));

			List<UUID> sample = new ArrayList<>();
			for (int i = 0; i < WARM_UP + MEASURED; i++) {
				sample.add(people.get(random.nextInt(PEOPLE)));
			}
			long[] neo4j = new long[MEASURED];
			long[] postgres = new long[MEASURED];
			int suggestionsSeen = 0;
			for (int i = 0; i < sample.size(); i++) {
				UUID who = sample.get(i);
				long start = System.nanoTime();
				List<Suggestion> fromGraph = this.graph.suggestions(new CustomerId(who), LIMIT);
				long middle = System.nanoTime();
				List<Map<String, Object>> fromSql = this.jdbc.queryForList(PG_SUGGESTIONS, who, who, who, LIMIT);
				long end = System.nanoTime();
				// same semantics, same answers: otherwise the timings compare nothing
				assertThat(fromGraph.stream().map((s) -> s.person().id().value() + "=" + s.mutualFriends()).toList())
					.as("suggestions for %s", who)
					.isEqualTo(fromSql.stream().map((row) -> row.get("id") + "=" + row.get("mutual")).toList());
				if (i >= WARM_UP) {
					neo4j[i - WARM_UP] = middle - start;
					postgres[i - WARM_UP] = end - middle;
					suggestionsSeen += fromGraph.size();
				}
			}
			String report = report(neo4jLoad, postgresLoad, neo4j, postgres, suggestionsSeen);
			System.out.println(report);
			Path out = Path.of("target", "friends-of-friends-benchmark.txt");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
		finally {
			cleanUp(people);
		}
	}

	/** Distinct unordered pairs of different people, chosen uniformly. */
	private static List<UUID[]> randomPairs(Random random, List<UUID> people) {
		Set<String> seen = new HashSet<>();
		List<UUID[]> pairs = new ArrayList<>();
		while (pairs.size() < FRIENDSHIPS) {
			UUID a = people.get(random.nextInt(PEOPLE));
			UUID b = people.get(random.nextInt(PEOPLE));
			if (a.equals(b)) {
				continue;
			}
			UUID low = (a.toString().compareTo(b.toString()) < 0) ? a : b;
			UUID high = low.equals(a) ? b : a;
			if (seen.add(low + ":" + high)) {
				pairs.add(new UUID[] { low, high });
			}
		}
		return pairs;
	}

	private void loadNeo4j(List<UUID> people, List<UUID[]> pairs) {
		// applies the schema (the uniqueness constraint and its index) before loading
		this.graph.person(CustomerId.random());
		for (int from = 0; from < people.size(); from += BATCH) {
			List<Map<String, Object>> rows = people.subList(from, Math.min(from + BATCH, people.size()))
				.stream()
				.map((id) -> Map.<String, Object>of("id", id.toString(), "username", username(id)))
				.toList();
			this.driver.executableQuery("UNWIND $rows AS row CREATE (:Person {id: row.id, username: row.username})")
				.withParameters(Map.of("rows", rows))
				.execute();
		}
		for (int from = 0; from < pairs.size(); from += BATCH) {
			List<Map<String, Object>> rows = pairs.subList(from, Math.min(from + BATCH, pairs.size()))
				.stream()
				.map((pair) -> Map.<String, Object>of("low", pair[0].toString(), "high", pair[1].toString()))
				.toList();
			this.driver
				.executableQuery(
						"UNWIND $rows AS row MATCH (low:Person {id: row.low}) MATCH (high:Person {id: row.high}) "
								+ "CREATE (low)-[:FRIEND]->(high)")
				.withParameters(Map.of("rows", rows))
				.execute();
		}
	}

	private void loadPostgres(List<UUID> people, List<UUID[]> pairs) {
		this.jdbc.execute("DROP SCHEMA IF EXISTS bench_fof CASCADE");
		this.jdbc.execute("CREATE SCHEMA bench_fof");
		this.jdbc.execute("CREATE TABLE bench_fof.people (id uuid PRIMARY KEY, username text NOT NULL)");
		this.jdbc.execute("CREATE TABLE bench_fof.friendships (a uuid NOT NULL, b uuid NOT NULL, PRIMARY KEY (a, b))");
		for (int from = 0; from < people.size(); from += BATCH) {
			List<UUID> chunk = people.subList(from, Math.min(from + BATCH, people.size()));
			this.jdbc.update("INSERT INTO bench_fof.people SELECT * FROM unnest(?::uuid[], ?::text[])",
					chunk.stream().map(UUID::toString).toArray(String[]::new),
					chunk.stream().map(FriendsOfFriendsBenchmark::username).toArray(String[]::new));
		}
		for (int from = 0; from < pairs.size(); from += BATCH) {
			List<UUID[]> chunk = pairs.subList(from, Math.min(from + BATCH, pairs.size()));
			String[] lows = chunk.stream().map((pair) -> pair[0].toString()).toArray(String[]::new);
			String[] highs = chunk.stream().map((pair) -> pair[1].toString()).toArray(String[]::new);
			// both directions, so "friends of x" is one index range on a
			this.jdbc.update("INSERT INTO bench_fof.friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", lows,
					highs);
			this.jdbc.update("INSERT INTO bench_fof.friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", highs,
					lows);
		}
		this.jdbc.execute("CREATE INDEX ON bench_fof.friendships (b)");
		this.jdbc.execute("ANALYZE bench_fof.people");
		this.jdbc.execute("ANALYZE bench_fof.friendships");
	}

	private void cleanUp(List<UUID> people) {
		for (int from = 0; from < people.size(); from += 1_000) {
			List<String> ids = people.subList(from, Math.min(from + 1_000, people.size()))
				.stream()
				.map(UUID::toString)
				.toList();
			this.driver.executableQuery("UNWIND $ids AS id MATCH (p:Person {id: id}) DETACH DELETE p")
				.withParameters(Map.of("ids", ids))
				.execute();
		}
		this.jdbc.execute("DROP SCHEMA IF EXISTS bench_fof CASCADE");
	}

	private static String username(UUID id) {
		return "bench-" + id.toString().substring(0, 8);
	}

	private static long time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return System.nanoTime() - start;
	}

	private static String report(long neo4jLoad, long postgresLoad, long[] neo4j, long[] postgres, int suggestions) {
		Map<String, long[]> rows = new HashMap<>();
		rows.put("neo4j", neo4j);
		rows.put("postgres", postgres);
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Friends-of-friends suggestions (limit %d), %,d people, %,d friendships, %,d measured queries after "
						+ "%,d warm-up (%.1f suggestions per query on average)%n",
				LIMIT, PEOPLE, FRIENDSHIPS, MEASURED, WARM_UP, suggestions / (double) MEASURED));
		out.append(String.format(Locale.ROOT, "load: neo4j %.1f s, postgres %.1f s%n", neo4jLoad / 1e9,
				postgresLoad / 1e9));
		out.append(
				String.format(Locale.ROOT, "%-9s %8s %8s %8s %8s%n", "store", "p50 ms", "p90 ms", "p99 ms", "max ms"));
		for (String store : List.of("neo4j", "postgres")) {
			long[] sorted = rows.get(store).clone();
			Arrays.sort(sorted);
			out.append(String.format(Locale.ROOT, "%-9s %8.2f %8.2f %8.2f %8.2f%n", store, percentile(sorted, 50),
					percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6));
		}
		return out.toString();
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
