package io.polyglot.adapter.neo4j;

import java.time.Duration;

import io.polyglot.domain.social.SocialGraph;
import org.neo4j.driver.Driver;

/**
 * Builds the Neo4j adapter's port implementations outside a Spring context, for programs
 * such as the benchmark runner that drive the same ports the service uses.
 */
public final class Neo4jPorts {

	private Neo4jPorts() {
	}

	/** The social graph over this driver, its schema applied on first use. */
	public static SocialGraph socialGraph(Driver driver, Duration queryTimeout) {
		return new Neo4jSocialGraph(driver, new Neo4jSchema(driver), queryTimeout);
	}

}
