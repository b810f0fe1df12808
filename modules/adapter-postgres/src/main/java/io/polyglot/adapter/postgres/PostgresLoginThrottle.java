package io.polyglot.adapter.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.polyglot.domain.session.LoginThrottle;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Login failure counters in PostgreSQL (table {@code login_failures}): one row per key,
 * keyed by the SHA-256 of the key so no input can name or collide with another. A failure
 * is one upsert that starts a new window when the old one ended and otherwise only
 * counts; the window runs on PostgreSQL's clock, as Redis's TTL runs on Redis's.
 */
final class PostgresLoginThrottle implements LoginThrottle {

	private static final String RECORD_FAILURE = """
			INSERT INTO login_failures AS f (key_hash, failures, window_ends)
			VALUES (?, 1, clock_timestamp() + ? * interval '1 millisecond')
			ON CONFLICT (key_hash) DO UPDATE
			SET failures = CASE WHEN f.window_ends <= clock_timestamp() THEN 1 ELSE f.failures + 1 END,
			    window_ends = CASE WHEN f.window_ends <= clock_timestamp() THEN EXCLUDED.window_ends
			                       ELSE f.window_ends END
			RETURNING failures""";

	private static final String BLOCKED_FOR = """
			SELECT ceil(extract(epoch FROM window_ends - clock_timestamp()) * 1000)::bigint
			FROM login_failures WHERE key_hash = ? AND failures >= ? AND window_ends > clock_timestamp()""";

	private static final String RESET = "DELETE FROM login_failures WHERE key_hash = ?";

	private static final String UNBLOCK = "DELETE FROM login_blocks WHERE key_hash = ?";

	// a longer block already set stays; an ended one is replaced
	private static final String BLOCK = """
			INSERT INTO login_blocks AS b (key_hash, blocked_until)
			VALUES (?, clock_timestamp() + ? * interval '1 millisecond')
			ON CONFLICT (key_hash) DO UPDATE SET blocked_until = greatest(b.blocked_until, EXCLUDED.blocked_until)""";

	private static final String BLOCKED = """
			SELECT ceil(extract(epoch FROM blocked_until - clock_timestamp()) * 1000)::bigint
			FROM login_blocks WHERE key_hash = ? AND blocked_until > clock_timestamp()""";

	private static final String PURGE_BLOCKS = """
			DELETE FROM login_blocks WHERE key_hash IN (
			    SELECT key_hash FROM login_blocks WHERE blocked_until <= clock_timestamp() LIMIT ?)""";

	private static final String PURGE = """
			DELETE FROM login_failures WHERE key_hash IN (
			    SELECT key_hash FROM login_failures WHERE window_ends <= clock_timestamp() LIMIT ?)""";

	private final JdbcTemplate jdbc;

	PostgresLoginThrottle(JdbcTemplate jdbc) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
	}

	@Override
	public Optional<Duration> blockedFor(String key, int maxFailures) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		List<Long> remaining = PostgresCalls
			.call(() -> this.jdbc.queryForList(BLOCKED_FOR, Long.class, hash(key), maxFailures));
		return remaining.stream().filter((millis) -> millis > 0).findFirst().map(Duration::ofMillis);
	}

	@Override
	public int recordFailure(String key, Duration window) {
		requirePositive(window, "window");
		Integer failures = PostgresCalls
			.call(() -> this.jdbc.queryForObject(RECORD_FAILURE, Integer.class, hash(key), window.toMillis()));
		return (failures != null) ? failures : 0;
	}

	@Override
	public void reset(String key) {
		byte[] hash = hash(key);
		PostgresCalls.call(() -> this.jdbc.update(RESET, (Object) hash) + this.jdbc.update(UNBLOCK, (Object) hash));
	}

	@Override
	public void block(String key, Duration duration) {
		requirePositive(duration, "duration");
		PostgresCalls.call(() -> this.jdbc.update(BLOCK, hash(key), duration.toMillis()));
	}

	@Override
	public Optional<Duration> blockedFor(String key) {
		List<Long> remaining = PostgresCalls
			.call(() -> this.jdbc.queryForList(BLOCKED, Long.class, (Object) hash(key)));
		return remaining.stream().filter((millis) -> millis > 0).findFirst().map(Duration::ofMillis);
	}

	/** Deletes up to {@code max} counters and blocks that have ended; how many went. */
	int purgeExpired(int max) {
		return PostgresCalls.call(() -> this.jdbc.update(PURGE, max) + this.jdbc.update(PURGE_BLOCKS, max));
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	static byte[] hash(String key) {
		Objects.requireNonNull(key, "key");
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
