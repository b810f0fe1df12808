package io.polyglot.bench.baseline;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * The social graph on PostgreSQL, as Neo4j's baseline: people, and friendships stored in
 * both directions with primary key {@code (a, b)} (so "friends of x" is one index range)
 * plus an index on {@code b}. Friends-of-friends is a self-join; the neighbourhood is a
 * recursive CTE; the shortest path is a bidirectional breadth-first search, one
 * {@code = ANY} query per level from the smaller frontier, stopping as soon as the two
 * sides meet (a recursive CTE cannot stop early, and would walk every path up to depth
 * six).
 */
public final class PostgresGraph {

	private static final String SUGGESTIONS = """
			SELECT c.b AS id, count(*) AS mutual
			FROM friendships f
			JOIN friendships c ON c.a = f.b
			WHERE f.a = ? AND c.b <> ?
			  AND NOT EXISTS (SELECT 1 FROM friendships x WHERE x.a = ? AND x.b = c.b)
			GROUP BY c.b
			ORDER BY mutual DESC, c.b
			LIMIT ?""";

	private static final String NEIGHBOURHOOD = """
			WITH RECURSIVE reach(id, depth) AS (
			    SELECT b, 1 FROM friendships WHERE a = ?
			    UNION
			    SELECT f.b, r.depth + 1 FROM reach r JOIN friendships f ON f.a = r.id WHERE r.depth < ?)
			SELECT count(DISTINCT id) FROM reach WHERE id <> ?""";

	private final Sql sql;

	public PostgresGraph(Sql sql) {
		this.sql = sql;
	}

	/** Drops and recreates the tables, loads people and friendships, then indexes. */
	public void load(List<UUID> people, List<UUID[]> pairs) {
		this.sql.execute("DROP TABLE IF EXISTS friendships", "DROP TABLE IF EXISTS people",
				"CREATE TABLE people (id uuid PRIMARY KEY, username text NOT NULL)",
				"CREATE TABLE friendships (a uuid NOT NULL REFERENCES people (id), b uuid NOT NULL REFERENCES people (id),"
						+ " PRIMARY KEY (a, b))");
		for (int from = 0; from < people.size(); from += 5_000) {
			List<UUID> chunk = people.subList(from, Math.min(from + 5_000, people.size()));
			this.sql.update("INSERT INTO people SELECT id::uuid, 'bench-' || left(id, 8) FROM unnest(?::text[]) AS id",
					(Object) chunk.stream().map(UUID::toString).toArray(String[]::new));
		}
		for (int from = 0; from < pairs.size(); from += 5_000) {
			List<UUID[]> chunk = pairs.subList(from, Math.min(from + 5_000, pairs.size()));
			String[] lows = chunk.stream().map((pair) -> pair[0].toString()).toArray(String[]::new);
			String[] highs = chunk.stream().map((pair) -> pair[1].toString()).toArray(String[]::new);
			this.sql.update("INSERT INTO friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", lows, highs);
			this.sql.update("INSERT INTO friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", highs, lows);
		}
		this.sql.execute("CREATE INDEX friendships_b ON friendships (b)", "ANALYZE people", "ANALYZE friendships");
	}

	/** Friends-of-friends who are not friends yet, as "id=mutual", most mutual first. */
	public List<String> suggestions(UUID who, int limit) {
		return this.sql.query(SUGGESTIONS, (row) -> row.getString("id") + "=" + row.getLong("mutual"), who, who, who,
				limit);
	}

	/** How many people are within {@code depth} friendships of {@code who}. */
	public long neighbourhood(UUID who, int depth) {
		return this.sql.query(NEIGHBOURHOOD, (row) -> row.getLong(1), who, depth, who).get(0);
	}

	/**
	 * The number of friendships on a shortest path, if one of at most {@code maxDepth}
	 * exists.
	 */
	public OptionalInt shortestPath(UUID from, UUID to, int maxDepth) {
		if (from.equals(to)) {
			return OptionalInt.of(0);
		}
		return this.sql.inTransaction((connection) -> {
			Map<UUID, Integer> seenFrom = new HashMap<>(Map.of(from, 0));
			Map<UUID, Integer> seenTo = new HashMap<>(Map.of(to, 0));
			Set<UUID> frontierFrom = new HashSet<>(Set.of(from));
			Set<UUID> frontierTo = new HashSet<>(Set.of(to));
			int depthFrom = 0;
			int depthTo = 0;
			while (depthFrom + depthTo < maxDepth && !frontierFrom.isEmpty() && !frontierTo.isEmpty()) {
				boolean forward = frontierFrom.size() <= frontierTo.size();
				Set<UUID> frontier = forward ? frontierFrom : frontierTo;
				Map<UUID, Integer> seen = forward ? seenFrom : seenTo;
				Map<UUID, Integer> other = forward ? seenTo : seenFrom;
				int depth = (forward ? ++depthFrom : ++depthTo);
				Set<UUID> next = new HashSet<>();
				int best = Integer.MAX_VALUE;
				for (UUID friend : friendsOf(connection, frontier)) {
					if (seen.putIfAbsent(friend, depth) == null) {
						next.add(friend);
						Integer there = other.get(friend);
						if (there != null) {
							best = Math.min(best, depth + there);
						}
					}
				}
				if (best != Integer.MAX_VALUE) {
					return (best <= maxDepth) ? OptionalInt.of(best) : OptionalInt.empty();
				}
				if (forward) {
					frontierFrom = next;
				}
				else {
					frontierTo = next;
				}
			}
			return OptionalInt.empty();
		});
	}

	private static List<UUID> friendsOf(Connection connection, Set<UUID> people) throws java.sql.SQLException {
		List<UUID> friends = new ArrayList<>();
		try (var statement = connection.prepareStatement("SELECT DISTINCT b FROM friendships WHERE a = ANY (?)")) {
			statement.setArray(1, connection.createArrayOf("uuid", people.toArray()));
			try (var rs = statement.executeQuery()) {
				while (rs.next()) {
					friends.add(rs.getObject(1, UUID.class));
				}
			}
		}
		return friends;
	}

}
