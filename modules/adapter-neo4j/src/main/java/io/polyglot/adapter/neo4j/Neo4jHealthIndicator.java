package io.polyglot.adapter.neo4j;

import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code neo4j}: {@code dbms.components()} over Bolt, naming version and
 * edition of the server.
 */
class Neo4jHealthIndicator extends AbstractHealthIndicator {

	private static final String COMPONENTS = "CALL dbms.components() YIELD name, versions, edition "
			+ "RETURN name, versions[0] AS version, edition";

	private final Driver driver;

	private final Neo4jDatabase database;

	Neo4jHealthIndicator(Driver driver) {
		this(driver, Neo4jDatabase.DEFAULT);
	}

	Neo4jHealthIndicator(Driver driver, Neo4jDatabase database) {
		super("Neo4j health check failed");
		this.driver = driver;
		this.database = database;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<Record> records = this.driver.executableQuery(COMPONENTS)
			.withConfig(this.database.queryConfig())
			.execute()
			.records();
		if (records.isEmpty()) {
			builder.down().withDetail("error", "dbms.components() returned nothing");
			return;
		}
		Record kernel = records.get(0);
		builder.up()
			.withDetail("implementation",
					"Neo4j " + kernel.get("version").asString() + " " + kernel.get("edition").asString())
			.withDetail("component", kernel.get("name").asString())
			.withDetail("database", (this.database.name() != null) ? this.database.name() : "(server default)");
	}

}
