package io.polyglot.adapter.postgres;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.polyglot.domain.idempotency.IdempotencyKey;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.idempotency.StoredResponse;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency keys in PostgreSQL. The claim is one INSERT ... ON CONFLICT: the primary
 * key decides which of two concurrent requests with the same key goes first, not a
 * check-then-insert in Java.
 */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

	// takes a free key, or one that expired or was abandoned in flight; otherwise inserts
	// nothing and returns no row
	private static final String CLAIM = """
			INSERT INTO idempotency_keys (customer_id, key, fingerprint, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (customer_id, key) DO UPDATE
			SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at,
			    expires_at = EXCLUDED.expires_at, status = NULL, body = NULL
			WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
			   OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < ?)
			RETURNING customer_id""";

	private static final String EXISTING = "SELECT fingerprint, status, body FROM idempotency_keys WHERE customer_id = ? AND key = ?";

	private static final String COMPLETE = "UPDATE idempotency_keys SET status = ?, body = ? WHERE customer_id = ? AND key = ?";

	private static final String RELEASE = "DELETE FROM idempotency_keys WHERE customer_id = ? AND key = ? AND status IS NULL";

	private static final String PURGE = """
			DELETE FROM idempotency_keys WHERE (customer_id, key) IN (
			    SELECT customer_id, key FROM idempotency_keys WHERE expires_at < ? LIMIT ?)""";

	private final JdbcTemplate jdbc;

	JdbcIdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt,
			Instant abandonedBefore) {
		return PostgresCalls.call(() -> {
			List<Object> taken = this.jdbc.queryForList(CLAIM, Object.class, key.owner().value(), key.value(),
					fingerprint, Timestamp.from(now), Timestamp.from(expiresAt), Timestamp.from(abandonedBefore));
			if (!taken.isEmpty()) {
				return new Claim.Acquired();
			}
			return this.jdbc.query(EXISTING, (row, n) -> {
				if (!row.getString("fingerprint").equals(fingerprint)) {
					return (Claim) new Claim.Mismatch();
				}
				int status = row.getInt("status");
				if (row.wasNull()) {
					return new Claim.InFlight();
				}
				return new Claim.Replay(new StoredResponse(status, row.getString("body")));
			}, key.owner().value(), key.value())
				.stream()
				.findFirst()
				// released between the two statements: as good as in flight a moment ago
				.orElseGet(Claim.InFlight::new);
		});
	}

	@Override
	public void complete(IdempotencyKey key, StoredResponse response) {
		PostgresCalls.call(
				() -> this.jdbc.update(COMPLETE, response.status(), response.body(), key.owner().value(), key.value()));
	}

	@Override
	public void release(IdempotencyKey key) {
		PostgresCalls.call(() -> this.jdbc.update(RELEASE, key.owner().value(), key.value()));
	}

	@Override
	public int purgeExpired(Instant now, int max) {
		return PostgresCalls.call(() -> this.jdbc.update(PURGE, Timestamp.from(now), max));
	}

}
