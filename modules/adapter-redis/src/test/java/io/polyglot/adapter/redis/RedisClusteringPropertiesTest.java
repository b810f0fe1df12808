package io.polyglot.adapter.redis;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis Cluster and Sentinel are chosen by Boot's properties alone, and the adapter's
 * beans sit on whichever connection they give. Lettuce connects lazily, so no server is
 * needed to see the configuration.
 */
class RedisClusteringPropertiesTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class,
					RedisAdapterAutoConfiguration.class));

	@Test
	void clusterNodesMakeAClusterClient() {
		this.contexts
			.withPropertyValues("spring.data.redis.cluster.nodes=10.0.0.1:6379,10.0.0.2:6379,10.0.0.3:6379",
					"spring.data.redis.cluster.max-redirects=3")
			.run((context) -> {
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				assertThat(factory.isClusterAware()).isTrue();
				assertThat(factory.getClusterConfiguration().getClusterNodes()).extracting(RedisNode::getHost)
					.containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "10.0.0.3");
				assertThat(context).hasSingleBean(RedisSessions.class).hasSingleBean(RedisLoginThrottle.class);
			});
	}

	@Test
	void sentinelPropertiesMakeASentinelClient() {
		this.contexts
			.withPropertyValues("spring.data.redis.sentinel.master=polyglot",
					"spring.data.redis.sentinel.nodes=10.0.0.1:26379,10.0.0.2:26379,10.0.0.3:26379")
			.run((context) -> {
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				assertThat(factory.isRedisSentinelAware()).isTrue();
				assertThat(factory.getSentinelConfiguration().getMaster().getName()).isEqualTo("polyglot");
				assertThat(factory.getSentinelConfiguration().getSentinels()).hasSize(3);
				assertThat(context).hasSingleBean(RedisSessions.class);
			});
	}

}
