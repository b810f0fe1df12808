package io.polyglot.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.polyglot.domain.idempotency.IdempotencyKeys.Claim;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyKeys} must do, run against the in-memory fake and the
 * PostgreSQL adapter: a free, expired or abandoned key is taken; otherwise a different
 * request is a mismatch, a completed one a replay, and anything else in flight. Keys are
 * scoped to their owner; every test uses owners of its own, and times long past, since a
 * real store is shared by the whole test JVM.
 */
public abstract class IdempotencyKeysContract {

	private static final Instant T0 = Instant.parse("2001-03-01T12:00:00Z");

	private static final Duration TTL = Duration.ofHours(24);

	protected abstract IdempotencyKeys keys();

	private final IdempotencyKey key = new IdempotencyKey(CustomerId.random(), "key-" + UUID.randomUUID());

	@Test
	protected void aFreeKeyIsTakenAndThenInFlightForTheSameRequestAndAMismatchForAnother() {
		assertThat(claim(this.key, "a", T0)).isEqualTo(new Claim.Acquired());

		assertThat(claim(this.key, "a", T0.plusSeconds(1))).isEqualTo(new Claim.InFlight());
		assertThat(claim(this.key, "b", T0.plusSeconds(1))).isEqualTo(new Claim.Mismatch());
	}

	@Test
	protected void aCompletedKeyReplaysItsResponseToTheSameRequestOnly() {
		StoredResponse created = new StoredResponse(201, "{\"id\":\"quote ' and \\\" are data\"}");
		claim(this.key, "a", T0);

		keys().complete(this.key, created);

		assertThat(claim(this.key, "a", T0.plusSeconds(1))).isEqualTo(new Claim.Replay(created));
		assertThat(claim(this.key, "b", T0.plusSeconds(1))).isEqualTo(new Claim.Mismatch());
	}

	@Test
	protected void theSameKeyOfAnotherOwnerIsAnotherKey() {
		claim(this.key, "a", T0);

		assertThat(claim(new IdempotencyKey(CustomerId.random(), this.key.value()), "b", T0))
			.isEqualTo(new Claim.Acquired());
	}

	@Test
	protected void anExpiredKeyIsTakenOverFromTheMomentItExpires() {
		claim(this.key, "a", T0);
		keys().complete(this.key, new StoredResponse(200, "{}"));

		assertThat(claim(this.key, "b", T0.plus(TTL).minusSeconds(1))).isEqualTo(new Claim.Mismatch());
		assertThat(claim(this.key, "b", T0.plus(TTL))).isEqualTo(new Claim.Acquired());
		assertThat(claim(this.key, "b", T0.plus(TTL).plusSeconds(1))).isEqualTo(new Claim.InFlight());
	}

	@Test
	protected void aKeyAbandonedInFlightIsTakenOverButACompletedOneIsNot() {
		IdempotencyKey done = new IdempotencyKey(this.key.owner(), "done-" + UUID.randomUUID());
		claim(this.key, "a", T0);
		claim(done, "a", T0);
		keys().complete(done, new StoredResponse(201, "{}"));
		Instant later = T0.plusSeconds(60);

		assertThat(keys().claim(this.key, fingerprint("a"), later, later.plus(TTL), T0))
			.as("not abandoned while it started no earlier than the cutoff")
			.isEqualTo(new Claim.InFlight());
		assertThat(keys().claim(this.key, fingerprint("b"), later, later.plus(TTL), T0.plusSeconds(1)))
			.isEqualTo(new Claim.Acquired());
		assertThat(keys().claim(done, fingerprint("a"), later, later.plus(TTL), later))
			.isEqualTo(new Claim.Replay(new StoredResponse(201, "{}")));
	}

	@Test
	protected void releaseGivesUpAKeyInFlightButNeverACompletedOne() {
		IdempotencyKey done = new IdempotencyKey(this.key.owner(), "done-" + UUID.randomUUID());
		claim(this.key, "a", T0);
		claim(done, "a", T0);
		keys().complete(done, new StoredResponse(201, "{}"));

		keys().release(this.key);
		keys().release(done);

		assertThat(claim(this.key, "b", T0.plusSeconds(1))).isEqualTo(new Claim.Acquired());
		assertThat(claim(done, "a", T0.plusSeconds(1))).isEqualTo(new Claim.Replay(new StoredResponse(201, "{}")));
	}

	@Test
	protected void purgeDeletesExpiredKeysOnly() {
		IdempotencyKey lasting = new IdempotencyKey(this.key.owner(), "lasting-" + UUID.randomUUID());
		keys().claim(this.key, fingerprint("a"), T0, T0.plusSeconds(10), T0);
		keys().claim(lasting, fingerprint("a"), T0, T0.plus(TTL), T0);

		assertThat(keys().purgeExpired(T0.plusSeconds(11), 1000)).isPositive();

		// read as of before either expired: a purged key is free, a kept one is not
		assertThat(claim(this.key, "b", T0.plusSeconds(1))).isEqualTo(new Claim.Acquired());
		assertThat(claim(lasting, "b", T0.plusSeconds(1))).isEqualTo(new Claim.Mismatch());
	}

	private Claim claim(IdempotencyKey key, String request, Instant now) {
		return keys().claim(key, fingerprint(request), now, now.plus(TTL), now.minus(Duration.ofMinutes(5)));
	}

	/** A fingerprint shaped like the real ones: 64 hex digits (SHA-256). */
	protected static String fingerprint(String request) {
		byte[] bytes = new byte[32];
		byte[] text = request.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		System.arraycopy(text, 0, bytes, 0, Math.min(text.length, bytes.length));
		return HexFormat.of().formatHex(bytes);
	}

}
