package io.polyglot.adapter.redis;

import io.polyglot.domain.demo.SessionPlayground;
import io.polyglot.domain.demo.SessionPlaygroundContract;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The session playground contract against the local Redis, with the playground built as
 * the demo configuration builds it (its keys live under the demo prefix).
 */
@SpringBootTest(classes = RedisSessionPlaygroundContractIT.Config.class)
class RedisSessionPlaygroundContractIT extends SessionPlaygroundContract {

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("redis"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	StringRedisTemplate redis;

	@Override
	protected SessionPlayground playground() {
		return new RedisSessionPlayground(this.redis);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
