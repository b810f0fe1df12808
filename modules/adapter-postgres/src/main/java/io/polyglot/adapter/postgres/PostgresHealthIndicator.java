package io.polyglot.adapter.postgres;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health component {@code postgres}: a real query, naming the server version and the
 * database in use.
 */
class PostgresHealthIndicator extends AbstractHealthIndicator {

	private final JdbcTemplate jdbc;

	PostgresHealthIndicator(JdbcTemplate jdbc) {
		super("PostgreSQL health check failed");
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.jdbc.query("SELECT split_part(current_setting('server_version'), ' ', 1) AS version, "
				+ "current_database() AS database", (rs) -> {
					builder.up()
						.withDetail("implementation", "PostgreSQL " + rs.getString("version"))
						.withDetail("database", rs.getString("database"));
				});
	}

}
