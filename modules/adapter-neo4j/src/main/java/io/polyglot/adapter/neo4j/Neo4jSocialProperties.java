package io.polyglot.adapter.neo4j;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Neo4j social graph under {@code polyglot.social.neo4j}.
 *
 * @param queryTimeout the longest one graph transaction may run before Neo4j ends it: a
 * bound on the cost of a deep traversal, answered as 503
 * @param database the database holding the graph; empty or absent for the server's
 * default database
 */
@ConfigurationProperties("polyglot.social.neo4j")
record Neo4jSocialProperties(@DefaultValue("5s") Duration queryTimeout, @Nullable String database) {

	Neo4jDatabase neo4jDatabase() {
		return new Neo4jDatabase(this.database);
	}

}
