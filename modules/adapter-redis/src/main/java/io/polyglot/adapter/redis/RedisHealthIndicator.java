package io.polyglot.adapter.redis;

import java.util.Properties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Health component {@code redis}: {@code INFO server} through the pooled connection
 * factory.
 */
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final RedisConnectionFactory connectionFactory;

	RedisHealthIndicator(RedisConnectionFactory connectionFactory) {
		super("Redis health check failed");
		this.connectionFactory = connectionFactory;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			Properties info = connection.serverCommands().info("server");
			if (info == null) {
				builder.down().withDetail("error", "no INFO reply");
				return;
			}
			builder.up()
				.withDetail("implementation", "Redis " + info.getProperty("redis_version"))
				.withDetail("mode", info.getProperty("redis_mode", "standalone"));
		}
	}

}
