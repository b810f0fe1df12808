package io.polyglot.adapter.redis;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.Sessions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the Redis adapter: its health component, the session store and the login failure
 * counters, over the connection and template of Boot's Redis auto-configuration.
 */
// the concern's default store; polyglot.routing.sessions=postgres routes it to
// PostgreSQL instead
@ConditionalOnProperty(name = "polyglot.routing.sessions", havingValue = "redis", matchIfMissing = true)
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
class RedisAdapterAutoConfiguration {

	@Bean
	RedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connectionFactory) {
		return new RedisHealthIndicator(connectionFactory);
	}

	@Bean
	@ConditionalOnMissingBean(Sessions.class)
	RedisSessions redisSessions(StringRedisTemplate redis) {
		return new RedisSessions(redis);
	}

	@Bean
	@ConditionalOnMissingBean(LoginThrottle.class)
	RedisLoginThrottle redisLoginThrottle(StringRedisTemplate redis) {
		return new RedisLoginThrottle(redis);
	}

}
