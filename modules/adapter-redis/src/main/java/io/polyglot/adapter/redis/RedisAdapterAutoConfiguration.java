package io.polyglot.adapter.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Wires the Redis adapter: its health component and, later, sessions and rate limits. */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
class RedisAdapterAutoConfiguration {

	@Bean
	RedisHealthIndicator redisHealthIndicator(RedisConnectionFactory connectionFactory) {
		return new RedisHealthIndicator(connectionFactory);
	}

}
