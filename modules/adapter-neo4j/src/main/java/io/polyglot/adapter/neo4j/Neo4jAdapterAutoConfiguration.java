package io.polyglot.adapter.neo4j;

import io.polyglot.domain.social.SocialGraph;
import org.neo4j.driver.Driver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the Neo4j adapter: its health component, the graph schema and the social graph,
 * over the driver of Boot's Neo4j auto-configuration (which connects lazily, so the
 * service starts while Neo4j is down).
 */
@AutoConfiguration(afterName = "org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration")
@EnableConfigurationProperties(Neo4jSocialProperties.class)
class Neo4jAdapterAutoConfiguration {

	@Bean
	Neo4jHealthIndicator neo4jHealthIndicator(Driver driver, Neo4jSocialProperties properties) {
		return new Neo4jHealthIndicator(driver, properties.neo4jDatabase());
	}

	@Bean
	Neo4jSchema neo4jSchema(Driver driver, Neo4jSocialProperties properties) {
		return new Neo4jSchema(driver, properties.neo4jDatabase());
	}

	@Bean
	@ConditionalOnMissingBean(SocialGraph.class)
	Neo4jSocialGraph neo4jSocialGraph(Driver driver, Neo4jSchema schema, Neo4jSocialProperties properties) {
		return new Neo4jSocialGraph(driver, schema, properties.queryTimeout(), properties.neo4jDatabase());
	}

}
