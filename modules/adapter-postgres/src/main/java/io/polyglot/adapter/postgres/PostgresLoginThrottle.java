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
			                       ELSE f.window_ends END""";

	private static final String BLOCKED_FOR = """
			SELECT ceil(extract(epoch FROM window_ends - clock_timestamp()) * 1000)::bigint
			FROM login_failures WHERE key_hash = ? AND failures >= ? AND window_ends > clock_timestamp()""";

	private static final String RESET = "DELETE FROM login_failures WHERE key_hash = ?";

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
	public void recordFailure(String key, Duration window) {
		Objects.requireNonNull(window, "window");
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
		PostgresCalls.call(() -> this.jdbc.update(RECORD_FAILURE, hash(key), window.toMillis()));
	}

	@Override
	public void reset(String key) {
		PostgresCalls.call(() -> this.jdbc.update(RESET, (Object) hash(key)));
	}

	/** Deletes up to {@code max} counters whose window has ended; how many went. */
	int purgeExpired(int max) {
		return PostgresCalls.call(() -> this.jdbc.update(PURGE, max));
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
