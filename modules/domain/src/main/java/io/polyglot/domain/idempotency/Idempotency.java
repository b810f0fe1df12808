package io.polyglot.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

import io.polyglot.domain.idempotency.IdempotencyKeys.Claim;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Transactions;

/**
 * Runs a keyed request at most once. The key is claimed in its own short transaction (so
 * a concurrent duplicate sees it and gets 409), then the request's change and its stored
 * response commit together in one transaction: a crash can never leave a change without
 * its response or a response without its change. A request that fails changed nothing, so
 * its key is released and a retry is evaluated afresh.
 */
public final class Idempotency {

	private final IdempotencyKeys keys;

	private final Transactions transactions;

	private final Clock clock;

	private final Duration retention;

	private final Duration abandonAfter;

	/**
	 * @param retention how long a key and its response are kept
	 * @param abandonAfter how long a key may stay in flight before it counts as abandoned
	 * by a crashed instance and may be taken over
	 */
	public Idempotency(IdempotencyKeys keys, Transactions transactions, Clock clock, Duration retention,
			Duration abandonAfter) {
		this.keys = Objects.requireNonNull(keys, "keys");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.retention = Objects.requireNonNull(retention, "retention");
		this.abandonAfter = Objects.requireNonNull(abandonAfter, "abandonAfter");
	}

	/**
	 * Runs the request once per key, or answers with the first response.
	 * @param fingerprint identifies the request (operation and body), so a key reused for
	 * a different request is refused
	 * @param request makes the change and returns its response; runs inside the
	 * transaction that stores the response
	 * @throws BusinessRuleException (422) when the key was used for a different request
	 * @throws ConflictException (409) when the key is in flight
	 */
	public Outcome execute(IdempotencyKey key, String fingerprint, Supplier<StoredResponse> request) {
		Instant now = this.clock.now();
		Claim claim = this.transactions.inTransaction(
				() -> this.keys.claim(key, fingerprint, now, now.plus(this.retention), now.minus(this.abandonAfter)));
		if (claim instanceof Claim.Replay replay) {
			return new Outcome(replay.response(), true);
		}
		if (claim instanceof Claim.Mismatch) {
			throw new BusinessRuleException(
					"This Idempotency-Key was already used for a different request; send a new key.");
		}
		if (claim instanceof Claim.InFlight) {
			throw new ConflictException(
					"A request with this Idempotency-Key is still in flight; retry when it has finished.");
		}
		try {
			StoredResponse response = this.transactions.inTransaction(() -> {
				StoredResponse first = request.get();
				this.keys.complete(key, first);
				return first;
			});
			return new Outcome(response, false);
		}
		catch (RuntimeException ex) {
			try {
				this.transactions.run(() -> this.keys.release(key));
			}
			catch (RuntimeException releaseFailure) {
				// the key then stays in flight until abandonAfter passes; the request's
				// own failure is what the caller needs to see
				ex.addSuppressed(releaseFailure);
			}
			throw ex;
		}
	}

	/** Purges expired keys; returns how many were deleted. */
	public int purgeExpired(int max) {
		return this.transactions.inTransaction(() -> this.keys.purgeExpired(this.clock.now(), max));
	}

	/** The response to send and whether it is a replay of the first one. */
	public record Outcome(StoredResponse response, boolean replayed) {
	}

}
