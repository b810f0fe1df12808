package io.polyglot.bench.baseline;

import java.util.List;
import java.util.UUID;

/**
 * What Neo4j's baseline needs beyond the routing's PostgreSQL social-graph adapter, on
 * that adapter's own tables ({@code social_people}, {@code social_friendships} with each
 * friendship in both directions): a bulk load (setup, not measured) and the neighbourhood
 * within a depth as a recursive CTE, which the port has no operation for. Suggestions and
 * shortest paths go through the adapter itself.
 */
public final class PostgresGraph {

	private static final String NEIGHBOURHOOD = """
			WITH RECURSIVE reach(id, depth) AS (
			    SELECT friend_id, 1 FROM social_friendships WHERE person_id = ?
			    UNION
			    SELECT f.friend_id, r.depth + 1 FROM reach r JOIN social_friendships f ON f.person_id = r.id
			    WHERE r.depth < ?)
			SELECT count(DISTINCT id) FROM reach WHERE id <> ?""";

	private final Sql sql;

	public PostgresGraph(Sql sql) {
		this.sql = sql;
	}

	/** Empties the adapter's tables and loads people and friendships (both ways). */
	public void load(List<UUID> people, List<UUID[]> pairs) {
		this.sql.execute("TRUNCATE social_friendships, social_people");
		for (int from = 0; from < people.size(); from += 5_000) {
			List<UUID> chunk = people.subList(from, Math.min(from + 5_000, people.size()));
			this.sql.update(
					"INSERT INTO social_people SELECT id::uuid, 'bench-' || left(id, 8) FROM unnest(?::text[]) AS id",
					(Object) chunk.stream().map(UUID::toString).toArray(String[]::new));
		}
		for (int from = 0; from < pairs.size(); from += 5_000) {
			List<UUID[]> chunk = pairs.subList(from, Math.min(from + 5_000, pairs.size()));
			String[] lows = chunk.stream().map((pair) -> pair[0].toString()).toArray(String[]::new);
			String[] highs = chunk.stream().map((pair) -> pair[1].toString()).toArray(String[]::new);
			this.sql.update("INSERT INTO social_friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", lows, highs);
			this.sql.update("INSERT INTO social_friendships SELECT * FROM unnest(?::uuid[], ?::uuid[])", highs, lows);
		}
		this.sql.execute("ANALYZE social_people", "ANALYZE social_friendships");
	}

	/** How many people are within {@code depth} friendships of {@code who}. */
	public long neighbourhood(UUID who, int depth) {
		return this.sql.query(NEIGHBOURHOOD, (row) -> row.getLong(1), who, depth, who).get(0);
	}

}
