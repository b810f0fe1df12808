package io.polyglot.adapter.neo4j;

import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The graph's constraints, applied idempotently ({@code IF NOT EXISTS}): tried once when
 * the application is ready, and otherwise before the first graph operation, so the
 * service starts while Neo4j is down and sets the schema up once it is back.
 */
final class Neo4jSchema implements ApplicationListener<ApplicationReadyEvent> {

	/**
	 * One person per customer id; the constraint's index also serves every lookup by id.
	 */
	static final List<String> STATEMENTS = List
		.of("CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE");

	private static final Logger logger = LoggerFactory.getLogger(Neo4jSchema.class);

	private final Driver driver;

	private final Neo4jDatabase database;

	private volatile boolean applied;

	Neo4jSchema(Driver driver) {
		this(driver, Neo4jDatabase.DEFAULT);
	}

	Neo4jSchema(Driver driver, Neo4jDatabase database) {
		this.driver = driver;
		this.database = database;
	}

	/** Applies the schema unless it already was in this process. */
	void ensure() {
		if (this.applied) {
			return;
		}
		synchronized (this) {
			if (!this.applied) {
				Neo4jCalls.call(() -> {
					STATEMENTS.forEach((statement) -> this.driver.executableQuery(statement)
						.withConfig(this.database.queryConfig())
						.execute());
					return null;
				});
				this.applied = true;
				logger.info("Neo4j schema applied: {}", STATEMENTS);
			}
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		try {
			ensure();
		}
		catch (RuntimeException ex) {
			logger.warn("Neo4j schema not applied yet (retried on first use): {}", ex.getMessage());
		}
	}

}
