package io.polyglot.adapter.redis;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.LoginThrottleContract;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The login throttle contract against the local Redis; what only Redis shows (key names,
 * TTLs) stays in {@link RedisLoginThrottleIT}.
 */
@SpringBootTest(classes = RedisLoginThrottleContractIT.Config.class)
class RedisLoginThrottleContractIT extends LoginThrottleContract {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("redis"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	LoginThrottle throttle;

	@Override
	protected LoginThrottle throttle() {
		return this.throttle;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
