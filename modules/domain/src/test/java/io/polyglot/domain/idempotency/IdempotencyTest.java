package io.polyglot.domain.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryIdempotencyKeys;
import io.polyglot.domain.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The idempotency rules against the keys fake: once per key, replay, mismatch, release.
 */
class IdempotencyTest {

	private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final Idempotency idempotency = new Idempotency(this.keys, new DirectTransactions(), this.clock,
			Duration.ofHours(24), Duration.ofMinutes(5));

	private final IdempotencyKey key = IdempotencyKey.of(CustomerId.random(), "key-1");

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void aRepeatedRequestRunsOnceAndReplaysTheFirstResponse() {
		Idempotency.Outcome first = this.idempotency.execute(this.key, "POST /transfers {a}", this::respond);
		Idempotency.Outcome again = this.idempotency.execute(this.key, "POST /transfers {a}", this::respond);

		assertThat(first.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.response()).isEqualTo(first.response());
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void theSameKeyForAnotherRequestIsRefusedAndRunsNothing() {
		this.idempotency.execute(this.key, "POST /transfers {a}", this::respond);

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.idempotency.execute(this.key, "POST /transfers {b}", this::respond));
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void aKeyStillInFlightIsAConflictUntilItCountsAsAbandoned() {
		this.keys.claim(this.key, "POST /transfers {a}", this.clock.now(), this.clock.now().plus(Duration.ofHours(24)),
				this.clock.now().minus(Duration.ofMinutes(5)));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.idempotency.execute(this.key, "POST /transfers {a}", this::respond));
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.idempotency.execute(this.key, "POST /transfers {a}", this::respond).replayed()).isFalse();
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void aFailedRequestReleasesItsKeySoARetryRunsAfresh() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.idempotency.execute(this.key, "POST /orders {a}", () -> {
				throw new IllegalStateException("the change failed");
			}));
		assertThat(this.keys.size()).isZero();

		assertThat(this.idempotency.execute(this.key, "POST /orders {a}", this::respond).replayed()).isFalse();
	}

	@Test
	void expiredKeysAreTakenOverAndPurged() {
		this.idempotency.execute(this.key, "POST /transfers {a}", this::respond);
		this.clock.advance(Duration.ofHours(25));

		assertThat(this.idempotency.purgeExpired(100)).isOne();
		assertThat(this.idempotency.execute(this.key, "POST /transfers {b}", this::respond).replayed()).isFalse();
		assertThat(this.runs).hasValue(2);
	}

	private StoredResponse respond() {
		return new StoredResponse(201, "{\"run\":" + this.runs.incrementAndGet() + "}");
	}

}
