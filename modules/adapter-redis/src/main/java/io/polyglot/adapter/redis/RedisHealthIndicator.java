package io.polyglot.adapter.redis;

import java.util.Properties;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.ClusterInfo;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Health component {@code redis}: {@code INFO server} through the pooled connection
 * factory; on Redis Cluster also {@code CLUSTER INFO}, DOWN unless the cluster state is
 * ok (every slot served).
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
			if (connection instanceof RedisClusterConnection cluster) {
				clusterHealth(cluster, builder);
				return;
			}
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

	private static void clusterHealth(RedisClusterConnection cluster, Health.Builder builder) {
		ClusterInfo state = cluster.clusterGetClusterInfo();
		// INFO on a cluster connection merges every node's answer under node-prefixed
		// names: ask one node for the version instead
		RedisClusterNode node = cluster.clusterGetNodes().iterator().next();
		Properties info = cluster.serverCommands().info(node, "server");
		String version = (info != null) ? info.getProperty("redis_version") : null;
		builder.status("ok".equals(state.getState()) ? Status.UP : Status.DOWN)
			.withDetail("implementation", "Redis " + version)
			.withDetail("mode", "cluster")
			.withDetail("clusterState", String.valueOf(state.getState()))
			.withDetail("knownNodes", String.valueOf(state.getKnownNodes()))
			.withDetail("slotsOk", String.valueOf(state.getSlotsOk()));
	}

}
