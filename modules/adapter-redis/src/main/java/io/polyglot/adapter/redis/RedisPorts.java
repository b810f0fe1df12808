package io.polyglot.adapter.redis;

import io.polyglot.domain.session.Sessions;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Builds the Redis adapter's port implementations outside a Spring context, for programs
 * such as the benchmark runner that drive the same ports the service uses.
 */
public final class RedisPorts {

	private RedisPorts() {
	}

	/** The session store the service uses, over the given template. */
	public static Sessions sessions(StringRedisTemplate redis) {
		return new RedisSessions(redis);
	}

}
