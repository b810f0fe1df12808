package io.polyglot.domain.idempotency;

import java.time.Instant;

/** Port to the stored idempotency keys (PostgreSQL). */
public interface IdempotencyKeys {

	/**
	 * Takes the key for a new request, unless it is already taken: then says whether the
	 * taken key holds a response to replay, belongs to a different request, or is still
	 * in flight. Expired keys and keys abandoned in flight before {@code abandonedBefore}
	 * are taken over. Runs in (and commits with) its own short transaction, so a
	 * concurrent duplicate sees the key at once.
	 */
	Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt, Instant abandonedBefore);

	/**
	 * Stores the response with the key; runs in the transaction of the request's change.
	 */
	void complete(IdempotencyKey key, StoredResponse response);

	/** Gives the key up after a request that changed nothing. */
	void release(IdempotencyKey key);

	/**
	 * Deletes up to {@code max} keys that expired before {@code now}; returns how many.
	 */
	int purgeExpired(Instant now, int max);

	/** What claiming a key found. */
	sealed interface Claim {

		/** The key is this request's now. */
		record Acquired() implements Claim {
		}

		/** The same request completed before: answer with its response. */
		record Replay(StoredResponse response) implements Claim {
		}

		/** The key was used with a different request. */
		record Mismatch() implements Claim {
		}

		/** The same key is being processed right now. */
		record InFlight() implements Claim {
		}

	}

}
