package io.polyglot.adapter.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Login failure counters against a real local Redis: blocking at the limit, reset, expiry
 * of the window, and keys that cannot reach each other whatever characters they hold.
 */
@SpringBootTest(classes = RedisLoginThrottleIT.Config.class)
class RedisLoginThrottleIT {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("redis"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	LoginThrottle throttle;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void keyIsBlockedOnceItsFailuresReachTheLimitForWhatRemainsOfTheWindow() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 2, WINDOW);
		assertThat(this.throttle.blockedFor(key, 3)).isEmpty();

		fail(key, 1, WINDOW);

		assertThat(this.throttle.blockedFor(key, 3))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isPositive().isLessThanOrEqualTo(WINDOW));
		assertThat(this.throttle.blockedFor(key, 4)).as("under a higher limit").isEmpty();
	}

	@Test
	void resetForgetsTheFailures() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 3, WINDOW);

		this.throttle.reset(key);

		assertThat(this.throttle.blockedFor(key, 3)).isEmpty();
		assertThat(this.redis.hasKey(RedisLoginThrottle.counterKey(key))).isFalse();
	}

	@Test
	void blockEndsWhenTheWindowExpires() {
		String key = "address:" + UUID.randomUUID();
		fail(key, 3, Duration.ofSeconds(1));
		assertThat(this.throttle.blockedFor(key, 3)).isPresent();

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.throttle.blockedFor(key, 3).isEmpty());
		assertThat(this.redis.hasKey(RedisLoginThrottle.counterKey(key))).isFalse();
	}

	@Test
	void laterFailuresDoNotExtendTheWindow() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 1, Duration.ofSeconds(5));
		fail(key, 2, Duration.ofHours(1));

		assertThat(this.throttle.blockedFor(key, 3))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isLessThanOrEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void keysWithRedisSpecialCharactersStayApart() {
		String id = UUID.randomUUID().toString();
		String attacked = "user:" + id + "*";
		List<String> others = List.of("user:" + id, "user:" + id + "?", "user:{" + id + "}", "user:" + id + " ",
				"user:" + id + "\n", "user:" + id + "*\n", "*", "user:*", "{user:" + id + "}*", "");
		fail(attacked, 3, WINDOW);

		assertThat(this.throttle.blockedFor(attacked, 3)).isPresent();
		for (String other : others) {
			assertThat(this.throttle.blockedFor(other, 1)).as("blocked for %s", other.replace("\n", "\\n")).isEmpty();
		}
		// the key name is a fixed-length hash, whatever the input held
		assertThat(RedisLoginThrottle.counterKey(attacked)).matches("polyglot:login-failures:[A-Za-z0-9_-]{43}");
		assertThat(this.redis.hasKey(RedisLoginThrottle.counterKey(attacked))).isTrue();

		this.throttle.reset("*");
		this.throttle.reset("user:*");
		assertThat(this.throttle.blockedFor(attacked, 3)).as("after resetting wildcard-looking keys").isPresent();
	}

	@Test
	void recordFailureAnswersTheCountOfTheWindow() {
		String key = "pair:" + UUID.randomUUID();
		assertThat(this.throttle.recordFailure(key, WINDOW)).isEqualTo(1);
		assertThat(this.throttle.recordFailure(key, WINDOW)).isEqualTo(2);
	}

	@Test
	void aBlockLastsItsDurationOnlyGrowsAndIsLiftedByReset() {
		String key = "pair:" + UUID.randomUUID();
		assertThat(this.throttle.blockedFor(key)).isEmpty();

		this.throttle.block(key, Duration.ofMinutes(10));
		this.throttle.block(key, Duration.ofSeconds(5));

		assertThat(this.throttle.blockedFor(key))
			.hasValueSatisfying((remaining) -> assertThat(remaining).isGreaterThan(Duration.ofMinutes(9))
				.isLessThanOrEqualTo(Duration.ofMinutes(10)));
		assertThat(this.throttle.blockedFor("pair:" + UUID.randomUUID())).as("another key").isEmpty();
		this.throttle.reset(key);
		assertThat(this.throttle.blockedFor(key)).isEmpty();
	}

	@Test
	void aBlockEndsWhenItsTimeIsUp() throws InterruptedException {
		String key = "pair:" + UUID.randomUUID();
		this.throttle.block(key, Duration.ofMillis(200));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.throttle.blockedFor(key).isPresent()) {
			assertThat(System.nanoTime()).as("block expired").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private void fail(String key, int times, Duration window) {
		for (int i = 0; i < times; i++) {
			this.throttle.recordFailure(key, window);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
