package io.polyglot.adapter.neo4j;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.SessionConfig;

/**
 * The database the graph lives in: a name, or none for the server's default database.
 * Every session and query of the adapter goes through it, so no call lands elsewhere.
 */
record Neo4jDatabase(@Nullable String name) {

	/** The server's default database. */
	static final Neo4jDatabase DEFAULT = new Neo4jDatabase(null);

	Neo4jDatabase {
		name = (name == null || name.isBlank()) ? null : name.strip();
	}

	SessionConfig sessionConfig() {
		return (this.name != null) ? SessionConfig.forDatabase(this.name) : SessionConfig.defaultConfig();
	}

	QueryConfig queryConfig() {
		return (this.name != null) ? QueryConfig.builder().withDatabase(this.name).build()
				: QueryConfig.defaultConfig();
	}

}
