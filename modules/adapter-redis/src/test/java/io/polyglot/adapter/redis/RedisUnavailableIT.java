package io.polyglot.adapter.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import io.polyglot.domain.session.SessionToken;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With Redis unreachable, sessions and login counters fail as the domain's
 * store-unavailable error (503), not as a bare Spring exception.
 */
class RedisUnavailableIT {

	private LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	@BeforeEach
	void connectToAClosedPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new StringRedisTemplate(this.connectionFactory);
	}

	@AfterEach
	void close() {
		this.connectionFactory.destroy();
	}

	@Test
	void sessionsReportRedisUnavailable() {
		RedisSessions sessions = new RedisSessions(this.redis);
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> sessions.touch(SessionToken.generate().hash(), Instant.now(), Duration.ofMinutes(1)))
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("redis"));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> sessions.list(CustomerId.random(), Instant.now()));
	}

	@Test
	void loginThrottleReportsRedisUnavailable() {
		RedisLoginThrottle throttle = new RedisLoginThrottle(this.redis);
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> throttle.blockedFor("user:a", 5));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> throttle.recordFailure("user:a", Duration.ofMinutes(1)));
	}

}
