package io.polyglot.adapter.mongodb;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health component {@code mongodb}. Uses {@code ping}, not {@code hello} (which
 * mongo-java-server lacks and which makes Boot's own indicator report DOWN), and tells a
 * genuine mongod from the wire-compatible stand-in: only a genuine server reports a
 * {@code gitVersion} in {@code buildInfo}.
 */
class MongoHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	private final String serverDescription;

	/**
	 * @param serverDescription what the launcher says it started (e.g. "mongo-java-server
	 * 1.47.0 (wire-compatible, memory backend)"), or empty when it is not known
	 */
	MongoHealthIndicator(MongoTemplate mongo, String serverDescription) {
		super("MongoDB health check failed");
		this.mongo = mongo;
		this.serverDescription = serverDescription;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.mongo.executeCommand(new Document("ping", 1));
		Document buildInfo = this.mongo.executeCommand(new Document("buildInfo", 1));
		String version = String.valueOf(buildInfo.get("version"));
		boolean genuine = buildInfo.containsKey("gitVersion");
		String implementation;
		if (genuine) {
			implementation = "MongoDB " + version;
		}
		else if (!this.serverDescription.isBlank()) {
			implementation = this.serverDescription;
		}
		else {
			implementation = "mongo-java-server (wire-compatible)";
		}
		builder.up()
			.withDetail("implementation", implementation)
			.withDetail("genuineMongoDB", genuine)
			.withDetail("reportedVersion", version)
			.withDetail("database", this.mongo.getDb().getName());
	}

}
