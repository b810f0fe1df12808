package io.polyglot.adapter.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code cassandra}. The session is looked up on every check because
 * Boot creates it lazily: when Cassandra is down at start, the app still starts, this
 * reports DOWN, and the first check after Cassandra is back connects.
 */
class CassandraHealthIndicator extends AbstractHealthIndicator {

	private static final String LOCAL_NODE = "SELECT release_version, data_center, cluster_name FROM system.local";

	private final ObjectProvider<CqlSession> session;

	CassandraHealthIndicator(ObjectProvider<CqlSession> session) {
		super("Cassandra health check failed");
		this.session = session;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Row local = this.session.getObject().execute(LOCAL_NODE).one();
		if (local == null) {
			builder.down().withDetail("error", "system.local is empty");
			return;
		}
		builder.up()
			.withDetail("implementation", "Apache Cassandra " + local.getString("release_version"))
			.withDetail("datacenter", local.getString("data_center"))
			.withDetail("cluster", local.getString("cluster_name"));
	}

}
