package io.polyglot.adapter.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis side of the architecture demos, only when demos are switched on; every key
 * starts with {@code demo:}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
class RedisDemoAutoConfiguration {

	@Bean
	RedisSessionPlayground redisSessionPlayground(StringRedisTemplate redis) {
		return new RedisSessionPlayground(redis);
	}

}
