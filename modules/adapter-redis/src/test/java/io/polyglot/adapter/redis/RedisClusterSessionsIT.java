package io.polyglot.adapter.redis;

import java.time.Duration;
import java.util.List;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.SessionsContract;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.session.SessionsContract;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.localstores.SharedTestStores;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session contract on a local 3-master Redis Cluster, configured by Boot's
 * {@code spring.data.redis.cluster.nodes} alone: every multi-key script names keys of one
 * slot, or the cluster would refuse it with CROSSSLOT. Health and the login throttle work
 * there too.
 */
@SpringBootTest(classes = RedisClusterSessionsIT.Config.class)
class RedisClusterSessionsIT extends SessionsContract {

	@DynamicPropertySource
	static void redisCluster(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes",
				() -> String.join(",", SharedTestStores.redisCluster().nodes()));
	}

	@Autowired
	Sessions sessions;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	RedisHealthIndicator health;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@Override
	protected Sessions sessions() {
		return this.sessions;
	}

	@Test
	void theClientTalksToTheCluster() {
		assertThat(this.connectionFactory).isInstanceOf(LettuceConnectionFactory.class);
		assertThat(((LettuceConnectionFactory) this.connectionFactory).isClusterAware()).isTrue();
	}

	@Test
	void aSessionAndItsCustomersIndexShareASlotWhateverTheIds() {
		for (int i = 0; i < 200; i++) {
			String customer = CustomerId.random().toString();
			String tokenHash = Integer.toString(i);
			assertThat(ClusterSlotHashUtil.calculateSlot(RedisSessions.sessionKey(customer, tokenHash)))
				.isEqualTo(ClusterSlotHashUtil.calculateSlot(RedisSessions.indexKey(customer)));
		}
	}

	@Test
	void healthIsUpAndSaysCluster() {
		Health health = this.health.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("mode", "cluster")
			.containsEntry("clusterState", "ok")
			.containsEntry("knownNodes", "3");
		assertThat((String) health.getDetails().get("implementation")).startsWith("Redis ");
	}

	@Test
	void loginThrottleCountsAndResetsOnTheCluster() {
		List<String> keys = List.of("alice-" + CustomerId.random(), "10.0.0." + (int) (Math.random() * 250));
		for (String key : keys) {
			for (int i = 0; i < 3; i++) {
				this.throttle.recordFailure(key, Duration.ofMinutes(1));
			}
			assertThat(this.throttle.blockedFor(key, 3)).isPresent();
			this.throttle.reset(key);
			assertThat(this.throttle.blockedFor(key, 3)).isEmpty();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
