package io.polyglot.bench.workloads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.polyglot.adapter.neo4j.Neo4jPorts;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.baseline.PostgresGraph;
import io.polyglot.bench.baseline.Sql;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.PathDepth;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SocialPath;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Social graph (Neo4j): friends-of-friends suggestions, the neighbourhood within depth 2,
 * 3 and 4, and the shortest path of at most six friendships, on random graphs of
 * {@code size} friendships among {@code size / 10} people (twenty friends each on
 * average). Targets: the Neo4j adapter (port, where the port has the operation), Cypher
 * through the bare driver (raw), and the routing's PostgreSQL social-graph adapter
 * (baseline: a self-join, a breadth-first search one level per query) with a recursive
 * CTE on its tables for the neighbourhood. The depth at which Neo4j overtakes SQL, if it
 * does, is read off the neighbourhood rows.
 */
public final class GraphWorkload implements Workload {

	private static final int LIMIT = 10;

	private static final String SUGGESTIONS = """
			MATCH (me:Person {id: $id})-[:FRIEND]-(friend:Person)-[:FRIEND]-(candidate:Person)
			WHERE candidate <> me AND NOT EXISTS { (me)-[:FRIEND]-(candidate) }
			WITH candidate, count(DISTINCT friend) AS mutualFriends
			RETURN candidate.id AS id, mutualFriends
			ORDER BY mutualFriends DESC, id ASC
			LIMIT $limit""";

	// DISTINCT over a variable-length pattern lets the planner prune (a breadth-first
	// walk that visits each person once) instead of enumerating every path
	private static final String NEIGHBOURHOOD = """
			MATCH (me:Person {id: $id})-[:FRIEND*1..%d]-(other:Person)
			WHERE other <> me
			RETURN count(DISTINCT other) AS reached""";

	private static final String SHORTEST = """
			MATCH (a:Person {id: $from}), (b:Person {id: $to})
			MATCH path = shortestPath((a)-[:FRIEND*..6]-(b))
			RETURN length(path) AS hops""";

	@Override
	public String concern() {
		return "graph";
	}

	@Override
	public String store() {
		return "neo4j";
	}

	@Override
	public Set<String> needs() {
		return Set.of("neo4j", "postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		Driver driver = stores.neo4j();
		SocialGraph port = Neo4jPorts.socialGraph(driver, Duration.ofSeconds(60));
		// the baseline is the routing's PostgreSQL social-graph adapter (same port, same
		// contract) plus a recursive CTE on its tables for the neighbourhood
		SocialGraph pgPort = PostgresPorts.socialGraph(stores.postgres());
		PostgresGraph pg = new PostgresGraph(new Sql(stores.postgres()));
		String neo4jLabel = stores.implementations().get("neo4j");
		String pgLabel = stores.implementations().get("postgres");
		// applies the adapter's schema (the uniqueness constraint and its index) first
		port.person(CustomerId.random());
		try {
			for (long size : context.settings().sizesOr(List.of(10_000L, 100_000L), List.of(100_000L, 1_000_000L))) {
				int peopleCount = (int) Math.max(10, size / 10);
				Random random = new Random(size);
				List<UUID> people = new ArrayList<>();
				for (int i = 0; i < peopleCount; i++) {
					people.add(new UUID(random.nextLong(), random.nextLong()));
				}
				List<UUID[]> pairs = pairs(random, people, size);
				context.progress()
					.message("graph: loading " + peopleCount + " people and " + pairs.size() + " friendships");
				deleteBenchNodes(driver);
				loadNeo4j(driver, people, pairs);
				pg.load(people, pairs);
				int n = people.size();

				context.check("fof", Equivalence.targets("port",
						(Equivalence.Answer) (i) -> port.suggestions(new CustomerId(people.get((i * 7919) % n)), LIMIT)
							.stream()
							.map((s) -> s.person().id().value() + "=" + s.mutualFriends())
							.toList(),
						"raw", (Equivalence.Answer) (i) -> rawSuggestions(driver, people.get((i * 7919) % n)),
						"baseline",
						(Equivalence.Answer) (i) -> pgPort
							.suggestions(new CustomerId(people.get((i * 7919) % n)), LIMIT)
							.stream()
							.map((s) -> s.person().id().value() + "=" + s.mutualFriends())
							.toList()));
				context.measure(concern(), "fof", "port", neo4jLabel, size,
						(op) -> port.suggestions(new CustomerId(people.get((int) ((op * 7919) % n))), LIMIT));
				context.measure(concern(), "fof", "raw", neo4jLabel, size,
						(op) -> rawSuggestions(driver, people.get((int) ((op * 7919) % n))));
				context.measure(concern(), "fof", "baseline", pgLabel, size,
						(op) -> pgPort.suggestions(new CustomerId(people.get((int) ((op * 7919) % n))), LIMIT));

				for (int depth = 2; depth <= 4; depth++) {
					int d = depth;
					String workload = "neighbourhood-d" + depth;
					context.check(workload, Equivalence.targets("raw",
							(Equivalence.Answer) (i) -> rawNeighbourhood(driver, people.get((i * 7919) % n), d),
							"baseline", (Equivalence.Answer) (i) -> pg.neighbourhood(people.get((i * 7919) % n), d)));
					context.measure(concern(), workload, "raw", neo4jLabel, size,
							(op) -> rawNeighbourhood(driver, people.get((int) ((op * 7919) % n)), d));
					context.measure(concern(), workload, "baseline", pgLabel, size,
							(op) -> pg.neighbourhood(people.get((int) ((op * 7919) % n)), d));
				}

				context.check("shortest-path", Equivalence.targets("port",
						(Equivalence.Answer) (i) -> port
							.shortestPath(new CustomerId(people.get((i * 7919) % n)),
									new CustomerId(people.get((i * 104729 + 1) % n)), new PathDepth(6))
							.map((p) -> p.hops())
							.orElse(-1),
						"raw",
						(Equivalence.Answer) (i) -> rawShortest(driver, people.get((i * 7919) % n),
								people.get((i * 104729 + 1) % n)),
						"baseline",
						(Equivalence.Answer) (i) -> hops(pgPort.shortestPath(new CustomerId(people.get((i * 7919) % n)),
								new CustomerId(people.get((i * 104729 + 1) % n)), new PathDepth(6)))));
				context.measure(concern(), "shortest-path", "port", neo4jLabel, size,
						(op) -> port.shortestPath(new CustomerId(people.get((int) ((op * 7919) % n))),
								new CustomerId(people.get((int) ((op * 104729 + 1) % n))), new PathDepth(6)));
				context.measure(concern(), "shortest-path", "raw", neo4jLabel, size, (op) -> rawShortest(driver,
						people.get((int) ((op * 7919) % n)), people.get((int) ((op * 104729 + 1) % n))));
				context.measure(concern(), "shortest-path", "baseline", pgLabel, size,
						(op) -> pgPort.shortestPath(new CustomerId(people.get((int) ((op * 7919) % n))),
								new CustomerId(people.get((int) ((op * 104729 + 1) % n))), new PathDepth(6)));
			}
			context.note("graph: the port has no neighbourhood operation, so neighbourhood-dN compares Cypher "
					+ "(raw) with the recursive CTE; shortest-path compares hop counts (several shortest paths may exist).");
		}
		finally {
			deleteBenchNodes(driver);
		}
	}

	private static List<String> rawSuggestions(Driver driver, UUID who) {
		return driver.executableQuery(SUGGESTIONS)
			.withParameters(Map.of("id", who.toString(), "limit", LIMIT))
			.execute()
			.records()
			.stream()
			.map((r) -> r.get("id").asString() + "=" + r.get("mutualFriends").asLong())
			.toList();
	}

	private static long rawNeighbourhood(Driver driver, UUID who, int depth) {
		return driver.executableQuery(NEIGHBOURHOOD.formatted(depth))
			.withParameters(Map.of("id", who.toString()))
			.execute()
			.records()
			.get(0)
			.get("reached")
			.asLong();
	}

	private static int rawShortest(Driver driver, UUID from, UUID to) {
		if (from.equals(to)) {
			return 0;
		}
		List<Record> records = driver.executableQuery(SHORTEST)
			.withParameters(Map.of("from", from.toString(), "to", to.toString()))
			.execute()
			.records();
		return records.isEmpty() ? -1 : records.get(0).get("hops").asInt();
	}

	private static int hops(Optional<SocialPath> path) {
		return path.map(SocialPath::hops).orElse(-1);
	}

	/** Distinct unordered pairs of different people, chosen uniformly. */
	private static List<UUID[]> pairs(Random random, List<UUID> people, long count) {
		Set<String> seen = new HashSet<>();
		List<UUID[]> pairs = new ArrayList<>();
		long possible = (long) people.size() * (people.size() - 1) / 2;
		while (pairs.size() < Math.min(count, possible)) {
			UUID a = people.get(random.nextInt(people.size()));
			UUID b = people.get(random.nextInt(people.size()));
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

	private static void loadNeo4j(Driver driver, List<UUID> people, List<UUID[]> pairs) {
		for (int from = 0; from < people.size(); from += 5_000) {
			List<Map<String, Object>> rows = people.subList(from, Math.min(from + 5_000, people.size()))
				.stream()
				.map((id) -> Map.<String, Object>of("id", id.toString(), "username",
						"bench-" + id.toString().substring(0, 8)))
				.toList();
			driver
				.executableQuery(
						"UNWIND $rows AS row CREATE (:Person {id: row.id, username: row.username, bench: true})")
				.withParameters(Map.of("rows", rows))
				.execute();
		}
		for (int from = 0; from < pairs.size(); from += 5_000) {
			List<Map<String, Object>> rows = pairs.subList(from, Math.min(from + 5_000, pairs.size()))
				.stream()
				.map((pair) -> Map.<String, Object>of("low", pair[0].toString(), "high", pair[1].toString()))
				.toList();
			driver
				.executableQuery(
						"UNWIND $rows AS row MATCH (low:Person {id: row.low}) MATCH (high:Person {id: row.high}) "
								+ "CREATE (low)-[:FRIEND]->(high)")
				.withParameters(Map.of("rows", rows))
				.execute();
		}
	}

	private static void deleteBenchNodes(Driver driver) {
		try (Session session = driver.session()) {
			session.run("MATCH (p:Person {bench: true}) CALL { WITH p DETACH DELETE p } IN TRANSACTIONS OF 5000 ROWS")
				.consume();
		}
	}

}
