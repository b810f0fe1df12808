package io.polyglot.domain.support;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.polyglot.domain.idempotency.IdempotencyKey;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.idempotency.StoredResponse;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys in a map, for use-case tests, with the PostgreSQL adapter's rules: a
 * free, expired or abandoned key is taken; otherwise a different fingerprint is a
 * mismatch, a stored response a replay, and anything else in flight.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {

	private final Map<IdempotencyKey, Row> rows = new LinkedHashMap<>();

	@Override
	public synchronized Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt,
			Instant abandonedBefore) {
		Row row = this.rows.get(key);
		if (row == null || !row.expiresAt.isAfter(now)
				|| (row.response == null && row.createdAt.isBefore(abandonedBefore))) {
			this.rows.put(key, new Row(fingerprint, now, expiresAt, null));
			return new Claim.Acquired();
		}
		if (!row.fingerprint.equals(fingerprint)) {
			return new Claim.Mismatch();
		}
		if (row.response == null) {
			return new Claim.InFlight();
		}
		return new Claim.Replay(row.response);
	}

	@Override
	public synchronized void complete(IdempotencyKey key, StoredResponse response) {
		Row row = this.rows.get(key);
		if (row != null) {
			this.rows.put(key, new Row(row.fingerprint, row.createdAt, row.expiresAt, response));
		}
	}

	@Override
	public synchronized void release(IdempotencyKey key) {
		Row row = this.rows.get(key);
		if (row != null && row.response == null) {
			this.rows.remove(key);
		}
	}

	@Override
	public synchronized int purgeExpired(Instant now, int max) {
		int purged = 0;
		for (Iterator<Row> it = this.rows.values().iterator(); it.hasNext() && purged < max;) {
			if (it.next().expiresAt.isBefore(now)) {
				it.remove();
				purged++;
			}
		}
		return purged;
	}

	/** How many keys are stored. */
	public synchronized int size() {
		return this.rows.size();
	}

	private record Row(String fingerprint, Instant createdAt, Instant expiresAt, @Nullable StoredResponse response) {
	}

}
