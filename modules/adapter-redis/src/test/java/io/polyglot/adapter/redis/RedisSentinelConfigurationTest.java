package io.polyglot.adapter.redis;

import java.util.List;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.Sessions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sentinel settings documented in docs/production.md bind as written: the adapter
 * uses Boot's connection factory, so {@code spring.data.redis.sentinel.*} (environment
 * {@code SPRING_DATA_REDIS_SENTINEL_*}) turns sessions and throttle into Sentinel clients
 * that follow a failover. No connection is opened: this checks the configuration only.
 */
class RedisSentinelConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisAdapterAutoConfiguration.class));

	@Test
	void sentinelPropertiesBindToTheConnectionTheAdapterUses() {
		this.contexts
			.withPropertyValues("spring.data.redis.sentinel.master=polyglot",
					"spring.data.redis.sentinel.nodes=sentinel-1:26379,sentinel-2:26379,sentinel-3:26379",
					"spring.data.redis.sentinel.password=sentinel-secret", "spring.data.redis.password=redis-secret",
					"spring.data.redis.username=polyglot-app", "spring.data.redis.database=2",
					"spring.data.redis.ssl.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				RedisSentinelConfiguration sentinel = factory.getSentinelConfiguration();
				assertThat(sentinel).isNotNull();
				assertThat(sentinel.getMaster()).isNotNull();
				assertThat(sentinel.getMaster().getName()).isEqualTo("polyglot");
				assertThat(sentinel.getSentinels()).extracting(RedisNode::getHost, RedisNode::getPort)
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("sentinel-1", 26379),
							org.assertj.core.groups.Tuple.tuple("sentinel-2", 26379),
							org.assertj.core.groups.Tuple.tuple("sentinel-3", 26379));
				assertThat(new String(sentinel.getSentinelPassword().get())).isEqualTo("sentinel-secret");
				assertThat(new String(sentinel.getPassword().get())).isEqualTo("redis-secret");
				assertThat(sentinel.getUsername()).isEqualTo("polyglot-app");
				assertThat(sentinel.getDatabase()).isEqualTo(2);
				assertThat(factory.isUseSsl()).isTrue();
				assertThat(context).hasSingleBean(Sessions.class).hasSingleBean(LoginThrottle.class);
			});
	}

	@Test
	void withoutSentinelPropertiesTheConnectionIsStandalone() {
		this.contexts.withPropertyValues("spring.data.redis.host=redis.internal", "spring.data.redis.port=6380")
			.run((context) -> {
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				assertThat(factory.getSentinelConfiguration()).isNull();
				assertThat(factory.getHostName()).isEqualTo("redis.internal");
				assertThat(factory.getPort()).isEqualTo(6380);
				assertThat(List.of(context.getBeanNamesForType(Sessions.class))).hasSize(1);
			});
	}

}
