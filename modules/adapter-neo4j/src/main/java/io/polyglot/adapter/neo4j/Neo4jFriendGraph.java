package io.polyglot.adapter.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.DemoGraph;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.Played;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

/**
 * Demo 5 in Neo4j: the generated graph as {@code (:Demo:DemoPerson)} nodes and
 * {@code DEMO_FRIEND} relationships (apart from the social graph's {@code Person}s), and
 * friends-of-friends as one variable-length pattern.
 */
final class Neo4jFriendGraph implements FriendGraphPlayground {

	private static final String STORE = Neo4jCalls.STORE;

	// %d receives the depth, an int the domain bounded to 1..4: Cypher takes no
	// parameter for a variable-length bound
	static final String REACHABLE = """
			MATCH (start:DemoPerson {id: $id})-[:DEMO_FRIEND*1..%d]-(friend:DemoPerson)
			WHERE friend <> start
			RETURN count(DISTINCT friend) AS reached""";

	static final String LOADED = "MATCH (info:Demo:DemoGraphInfo) RETURN info.fingerprint AS fingerprint";

	static final String CREATE_PEOPLE = "UNWIND $ids AS id CREATE (:Demo:DemoPerson {id: id})";

	static final String CREATE_FRIENDSHIPS = """
			UNWIND $edges AS edge
			MATCH (a:DemoPerson {id: edge[0]})
			MATCH (b:DemoPerson {id: edge[1]})
			CREATE (a)-[:DEMO_FRIEND]->(b)""";

	private final Driver driver;

	private final TransactionConfig config;

	Neo4jFriendGraph(Driver driver, Duration queryTimeout) {
		this.driver = driver;
		this.config = TransactionConfig.builder().withTimeout(queryTimeout).build();
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public synchronized Played ensureLoaded(DemoGraph graph) {
		return Neo4jCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			try (Session session = this.driver.session()) {
				List<String> loaded = session
					.executeRead((tx) -> tx.run(LOADED).list((row) -> row.get("fingerprint").asString()));
				if (loaded.contains(graph.fingerprint())) {
					return steps.played();
				}
			}
			deleteAll();
			long start = System.nanoTime();
			try (Session session = this.driver.session()) {
				session.run("CREATE INDEX demo_person_id IF NOT EXISTS FOR (p:DemoPerson) ON (p.id)").consume();
				session.run("CALL db.awaitIndexes(120)").consume();
				List<Integer> ids = new ArrayList<>();
				for (int id = 1; id <= graph.people(); id++) {
					ids.add(id);
				}
				session.executeWrite((tx) -> tx.run(CREATE_PEOPLE, Map.of("ids", ids)).consume());
				List<List<Integer>> edges = graph.edges().stream().map((edge) -> List.of(edge[0], edge[1])).toList();
				for (int from = 0; from < edges.size(); from += 5_000) {
					List<List<Integer>> batch = edges.subList(from, Math.min(edges.size(), from + 5_000));
					session.executeWrite((tx) -> tx.run(CREATE_FRIENDSHIPS, Map.of("edges", batch)).consume());
				}
				session.executeWrite(
						(tx) -> tx
							.run("CREATE (:Demo:DemoGraphInfo {fingerprint: $fingerprint})",
									Map.of("fingerprint", graph.fingerprint()))
							.consume());
			}
			steps.add(STORE, CREATE_PEOPLE + "\n" + CREATE_FRIENDSHIPS,
					DemoSteps.params("ids", graph.people() + " ids", "edges",
							graph.edges().size() + " pairs, in batches of 5,000"),
					"graph loaded: " + graph.people() + " people, " + graph.edges().size() + " friendships",
					DemoSteps.millisSince(start));
			return steps.played();
		});
	}

	@Override
	public Played reachable(int person, int depth) {
		if (depth < 1 || depth > 6) {
			throw new IllegalArgumentException("depth out of range");
		}
		String query = REACHABLE.formatted(depth);
		return Neo4jCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			long reached;
			try (Session session = this.driver.session()) {
				reached = steps.run(STORE, query, DemoSteps.params("id", person),
						() -> session.executeRead(
								(tx) -> tx.run(query, Map.of("id", person)).single().get("reached").asLong(),
								this.config),
						(count) -> count + " people within " + depth + (depth == 1 ? " hop" : " hops"));
			}
			return steps.finding("reached", reached).played();
		});
	}

	private void deleteAll() {
		try (Session session = this.driver.session()) {
			session.run("MATCH (n:Demo) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume();
		}
	}

	@Override
	public void reset() {
		Neo4jCalls.call(() -> {
			deleteAll();
			return null;
		});
	}

}
