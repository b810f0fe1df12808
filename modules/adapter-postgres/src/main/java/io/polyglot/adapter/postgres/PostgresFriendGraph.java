package io.polyglot.adapter.postgres;

import java.sql.Array;

import io.polyglot.domain.demo.DemoGraph;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.Played;

/**
 * Demo 5 in PostgreSQL: the generated graph as a friendships table (both directions
 * stored), and friends-of-friends as a recursive CTE, one join per level.
 */
final class PostgresFriendGraph implements FriendGraphPlayground {

	private static final String STORE = PostgresCalls.STORE;

	static final String REACHABLE = """
			WITH RECURSIVE reach(id, depth) AS (
			    SELECT ?::int, 0
			  UNION
			    SELECT f.friend_id, r.depth + 1
			    FROM reach r JOIN demo.friendships f ON f.person_id = r.id
			    WHERE r.depth < ?
			)
			SELECT count(DISTINCT id) AS reached FROM reach WHERE id <> ?""";

	static final String LOAD = "INSERT INTO demo.friendships (person_id, friend_id) "
			+ "SELECT a, b FROM unnest(?::int[], ?::int[]) AS e(a, b) "
			+ "UNION ALL SELECT b, a FROM unnest(?::int[], ?::int[]) AS e(a, b)";

	private final PostgresDemoTables tables;

	PostgresFriendGraph(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public synchronized Played ensureLoaded(DemoGraph graph) {
		return PostgresCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			if (this.tables.exists("demo.graph_info")) {
				String loaded = this.tables.jdbc.queryForObject("SELECT max(fingerprint) FROM demo.graph_info",
						String.class);
				if (graph.fingerprint().equals(loaded)) {
					return steps.played();
				}
			}
			reset();
			Integer[] low = graph.edges().stream().map((edge) -> edge[0]).toArray(Integer[]::new);
			Integer[] high = graph.edges().stream().map((edge) -> edge[1]).toArray(Integer[]::new);
			steps.run(STORE, LOAD, PostgresDemoTables.params("a", low.length + " ids", "b", high.length + " ids"),
					() -> this.tables.ensure("demo.graph_info", () -> {
						var jdbc = this.tables.jdbc;
						jdbc.execute("CREATE TABLE demo.friendships (person_id int NOT NULL, friend_id int NOT NULL, "
								+ "PRIMARY KEY (person_id, friend_id))");
						jdbc.update(LOAD, (statement) -> {
							Array a = statement.getConnection().createArrayOf("integer", low);
							Array b = statement.getConnection().createArrayOf("integer", high);
							statement.setArray(1, a);
							statement.setArray(2, b);
							statement.setArray(3, a);
							statement.setArray(4, b);
						});
						jdbc.execute("ANALYZE demo.friendships");
						jdbc.execute("CREATE TABLE demo.graph_info (fingerprint text NOT NULL)");
						jdbc.update("INSERT INTO demo.graph_info VALUES (?)", graph.fingerprint());
					}), (created) -> "graph loaded: " + graph.people() + " people, " + graph.edges().size()
							+ " friendships stored in both directions");
			return steps.played();
		});
	}

	@Override
	public Played reachable(int person, int depth) {
		// the recursive walk to depth 4 is what the demo measures: it may take seconds
		return PostgresCalls.call(() -> this.tables.slow(() -> {
			DemoSteps steps = new DemoSteps();
			Long reached = steps.run(STORE, REACHABLE,
					PostgresDemoTables.params("start", person, "maxDepth", depth, "start", person),
					() -> this.tables.jdbc.queryForObject(REACHABLE, Long.class, person, depth, person),
					(count) -> count + " people within " + depth + (depth == 1 ? " hop" : " hops"));
			return steps.finding("reached", reached).played();
		}));
	}

	@Override
	public void reset() {
		this.tables.drop("demo.graph_info", "demo.friendships");
	}

}
