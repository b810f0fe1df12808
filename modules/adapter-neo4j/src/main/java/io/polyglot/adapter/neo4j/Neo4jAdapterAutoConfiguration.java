package io.polyglot.adapter.neo4j;

import org.neo4j.driver.Driver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Wires the Neo4j adapter: its health component and, later, the social graph. */
@AutoConfiguration(afterName = "org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration")
class Neo4jAdapterAutoConfiguration {

	@Bean
	Neo4jHealthIndicator neo4jHealthIndicator(Driver driver) {
		return new Neo4jHealthIndicator(driver);
	}

}
