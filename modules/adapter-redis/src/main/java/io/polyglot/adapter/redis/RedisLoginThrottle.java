package io.polyglot.adapter.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.session.LoginThrottle;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Login failure counters and blocks in Redis: one counter per key under
 * {@code polyglot:login-failures:<SHA-256 of the key>}, which Redis deletes when its
 * window ends, and one block marker under {@code polyglot:login-block:<SHA-256>} whose
 * TTL is the block.
 * <p>
 * The raw key (a username, a client address) is user input; hashing it gives every key
 * the same harmless shape, so no input can name, or collide with, another key.
 */
class RedisLoginThrottle implements LoginThrottle {

	static final String PREFIX = "polyglot:login-failures:";

	static final String BLOCK_PREFIX = "polyglot:login-block:";

	// KEYS: counter. ARGV: window ms. The window starts with the first failure and later
	// failures do not extend it; a counter found without a TTL gets one, so no counter
	// can block forever.
	private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of("""
			local failures = redis.call('INCR', KEYS[1])
			if failures == 1 or redis.call('PTTL', KEYS[1]) < 0 then
				redis.call('PEXPIRE', KEYS[1], ARGV[1])
			end
			return failures
			""", Long.class);

	// KEYS: counter. ARGV: max failures. Answers the remaining block in ms, 0 when none.
	private static final RedisScript<Long> BLOCKED_FOR = RedisScript.of("""
			local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
			if failures < tonumber(ARGV[1]) then
				return 0
			end
			local remaining = redis.call('PTTL', KEYS[1])
			if remaining < 0 then
				return 0
			end
			return remaining
			""", Long.class);

	// KEYS: block marker. ARGV: block ms. Sets the marker unless a longer block is
	// already in place, so blocks only ever grow until they expire.
	private static final RedisScript<Long> BLOCK = RedisScript.of("""
			local remaining = redis.call('PTTL', KEYS[1])
			if remaining < tonumber(ARGV[1]) then
				redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
			end
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	RedisLoginThrottle(StringRedisTemplate redis) {
		this.redis = Objects.requireNonNull(redis, "redis");
	}

	@Override
	public Optional<Duration> blockedFor(String key, int maxFailures) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		Long remaining = RedisCalls
			.call(() -> this.redis.execute(BLOCKED_FOR, List.of(counterKey(key)), Integer.toString(maxFailures)));
		return (remaining != null && remaining > 0) ? Optional.of(Duration.ofMillis(remaining)) : Optional.empty();
	}

	@Override
	public int recordFailure(String key, Duration window) {
		requirePositive(window, "window");
		Long failures = RedisCalls
			.call(() -> this.redis.execute(RECORD_FAILURE, List.of(counterKey(key)), Long.toString(window.toMillis())));
		return (failures != null) ? (int) Math.min(Integer.MAX_VALUE, failures) : 0;
	}

	@Override
	public void reset(String key) {
		// one key per call: in a Redis Cluster the two keys live in different slots
		RedisCalls.call(() -> this.redis.delete(counterKey(key)));
		RedisCalls.call(() -> this.redis.delete(blockKey(key)));
	}

	@Override
	public void block(String key, Duration duration) {
		requirePositive(duration, "duration");
		RedisCalls.call(() -> this.redis.execute(BLOCK, List.of(blockKey(key)), Long.toString(duration.toMillis())));
	}

	@Override
	public Optional<Duration> blockedFor(String key) {
		Long remaining = RedisCalls.call(() -> this.redis.getExpire(blockKey(key), TimeUnit.MILLISECONDS));
		return (remaining != null && remaining > 0) ? Optional.of(Duration.ofMillis(remaining)) : Optional.empty();
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	static String counterKey(String key) {
		return PREFIX + digest(key);
	}

	static String blockKey(String key) {
		return BLOCK_PREFIX + digest(key);
	}

	private static String digest(String key) {
		Objects.requireNonNull(key, "key");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
