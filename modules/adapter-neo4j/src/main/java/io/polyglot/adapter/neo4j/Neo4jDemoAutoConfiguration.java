package io.polyglot.adapter.neo4j;

import java.time.Duration;

import org.neo4j.driver.Driver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Neo4j side of the architecture demos, only when demos are switched on; every demo
 * node carries the label {@code Demo}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration")
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
@EnableConfigurationProperties(Neo4jSocialProperties.class)
class Neo4jDemoAutoConfiguration {

	/**
	 * A demo seeds a generated graph and walks it to depth 4, slow by design: it gets a
	 * minute, not the social endpoints' request-sized query timeout.
	 */
	static final Duration DEMO_TIMEOUT = Duration.ofSeconds(60);

	@Bean
	Neo4jFriendGraph neo4jFriendGraph(Driver driver, Neo4jSocialProperties properties) {
		Duration timeout = properties.queryTimeout().compareTo(DEMO_TIMEOUT) > 0 ? properties.queryTimeout()
				: DEMO_TIMEOUT;
		return new Neo4jFriendGraph(driver, timeout);
	}

}
