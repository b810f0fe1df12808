package io.polyglot.adapter.postgres;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.OutboxQueue.Claim;
import io.polyglot.domain.outbox.OutboxQueue.OutboxLag;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outbox against a real local PostgreSQL: events commit and roll back with the
 * caller's transaction, claims by concurrent relays never overlap and hold no row lock
 * once they return, failures back off, and only fully delivered events are pruned.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresOutboxIT {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcTemplate jdbc;

	// consumer names unique per test, so tests sharing the database never see each
	// other's deliveries
	private String log;

	private String graph;

	private PostgresOutbox outbox;

	@BeforeEach
	void newOutbox() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.log = "log-" + suffix;
		this.graph = "graph-" + suffix;
		this.outbox = new PostgresOutbox(this.jdbc, () -> List.of(this.log, this.graph));
	}

	@Test
	void anEventAddedInACommittedTransactionIsClaimableWithItsPayloadForEveryConsumer() {
		DomainEvent event = event(T0);

		this.transactions.run(() -> this.outbox.add(event));

		assertThat(claim(this.log, 10, T0)).containsExactly(event);
		assertThat(claim(this.graph, 10, T0)).containsExactly(event);
	}

	@Test
	void anEventAddedInARolledBackTransactionIsGone() {
		DomainEvent event = event(T0);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.outbox.add(event);
			throw new IllegalStateException("the business change failed");
		}));

		assertThat(claim(this.log, 10, T0)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, event.id()))
			.isZero();
	}

	@Test
	void addingOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.outbox.add(event(T0)));
	}

	@Test
	void deliveredEventsAreNotClaimedAgainAndTheOtherConsumerStillGetsThem() {
		DomainEvent event = event(T0);
		this.transactions.run(() -> this.outbox.add(event));

		this.transactions.run(() -> this.outbox.markDelivered(claimOf(this.log, 10, T0), T0));

		assertThat(claim(this.log, 10, T0.plus(LEASE).plusSeconds(1))).isEmpty();
		assertThat(claim(this.graph, 10, T0.plusSeconds(1))).containsExactly(event);
	}

	@Test
	void failedEventsWaitOutACappedExponentialBackoff() {
		DomainEvent event = event(T0);
		this.transactions.run(() -> this.outbox.add(event));
		Duration first = Duration.ofSeconds(1);
		Duration max = Duration.ofSeconds(5);

		fail(event, T0, first, max); // attempt 1: next at +1 s
		assertThat(claim(this.log, 10, T0.plusMillis(999))).isEmpty();
		fail(event, T0.plusSeconds(1), first, max); // attempt 2: +2 s
		assertThat(claim(this.log, 10, T0.plusMillis(2999))).isEmpty();
		Instant at = T0.plusSeconds(3);
		for (int i = 0; i < 10; i++) {
			fail(event, at, first, max);
			at = at.plus(max);
		}
		// capped: never later than max after the last failure
		assertThat(claim(this.log, 10, at)).containsExactly(event);
		assertThat(this.jdbc.queryForObject(
				"SELECT d.attempts FROM outbox_delivery d JOIN outbox o USING (position) WHERE o.event_id = ? AND d.consumer = ?",
				Integer.class, event.id(), this.log))
			.isEqualTo(12);
	}

	@Test
	void concurrentRelaysClaimDisjointBatchesAndTogetherSeeEveryEvent() throws Exception {
		List<DomainEvent> events = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			events.add(event(T0.plusMillis(i)));
		}
		this.transactions.run(() -> events.forEach(this.outbox::add));
		CountDownLatch bothClaimed = new CountDownLatch(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<List<DomainEvent>>> claims = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				claims.add(pool.submit(() -> this.transactions.inTransaction(() -> {
					// both claims start together, so their statements do run at once
					bothClaimed.countDown();
					await(bothClaimed);
					return this.outbox.claim(this.log, 25, T0.plusSeconds(1), LEASE).events();
				})));
			}
			List<DomainEvent> first = claims.get(0).get(30, TimeUnit.SECONDS);
			List<DomainEvent> second = claims.get(1).get(30, TimeUnit.SECONDS);
			Set<UUID> firstIds = ids(first);
			Set<UUID> secondIds = ids(second);
			assertThat(firstIds).doesNotContainAnyElementsOf(secondIds);
			Set<UUID> all = new HashSet<>(firstIds);
			all.addAll(secondIds);
			assertThat(all).isEqualTo(ids(events));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aClaimHoldsNoRowLockOnceItReturnsAndRecordsItsLease() {
		DomainEvent event = event(T0);
		this.transactions.run(() -> this.outbox.add(event));

		Claim claim = claimOf(this.log, 10, T0);

		// another session can lock the leased row at once: the claim's transaction is
		// over
		Map<String, Object> row = this.transactions.inTransaction(() -> this.jdbc.queryForMap("""
				SELECT d.lease, d.next_attempt_at FROM outbox_delivery d JOIN outbox o USING (position)
				WHERE o.event_id = ? AND d.consumer = ? FOR UPDATE NOWAIT""", event.id(), this.log));
		assertThat(row.get("lease")).isEqualTo(claim.lease());
		assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isEqualTo(T0.plus(LEASE));
		assertThat(this.transactions.inTransaction(() -> this.outbox.markDelivered(claim, T0))).isOne();
		assertThat(this.jdbc.queryForObject(
				"""
						SELECT d.lease IS NULL AND d.delivered_at IS NOT NULL FROM outbox_delivery d JOIN outbox o USING (position)
						WHERE o.event_id = ? AND d.consumer = ?""",
				Boolean.class, event.id(), this.log))
			.isTrue();
	}

	@Test
	void anEventWithoutPayloadComesBackWithAnEmptyOne() {
		DomainEvent event = DomainEvent.of(EventStream.account(UUID.randomUUID()), "DepositMade", T0,
				CustomerId.random(), Map.of());
		this.transactions.run(() -> this.outbox.add(event));

		assertThat(claim(this.log, 10, T0)).singleElement()
			.satisfies((claimed) -> assertThat(claimed.payload()).isEmpty())
			.isEqualTo(event);
	}

	@Test
	void aClaimThisInstanceDoesNotRememberIsMarkedByItsEventIds() {
		// marks go by primary key with the positions the claim remembered; another
		// instance's outbox (or this one, once it has forgotten the claim) has only
		// the event ids, and must record exactly the same rows
		List<DomainEvent> events = List.of(event(T0), event(T0.plusMillis(1)), event(T0.plusMillis(2)));
		this.transactions.run(() -> events.forEach(this.outbox::add));
		PostgresOutbox other = new PostgresOutbox(this.jdbc, () -> List.of(this.log, this.graph));

		Instant at = T0.plusMillis(2);
		Claim logClaim = claimOf(this.log, 2, at);
		assertThat(this.transactions.inTransaction(() -> other.markDelivered(logClaim, at))).isEqualTo(2);
		Claim graphClaim = claimOf(this.graph, 10, at);
		assertThat(this.transactions.inTransaction(
				() -> other.markFailed(graphClaim, at, Duration.ofSeconds(1), Duration.ofSeconds(5), "neo4j is down")))
			.isEqualTo(3);
		// the claiming instance's own mark of the same claims then matches nothing: the
		// leases ended
		assertThat(this.transactions.inTransaction(() -> this.outbox.markDelivered(logClaim, at))).isZero();
		assertThat(this.transactions.inTransaction(() -> this.outbox.markDelivered(graphClaim, at))).isZero();

		assertThat(claim(this.log, 10, at.plus(LEASE).plusSeconds(1))).containsExactly(events.get(2));
		assertThat(claim(this.graph, 10, at.plusMillis(999))).isEmpty();
		assertThat(claim(this.graph, 10, at.plusSeconds(1))).containsExactlyElementsOf(events);
	}

	@Test
	void lagCountsUndeliveredEventsPerConsumerWithTheAgeOfTheOldest() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		DomainEvent older = event(now.minusSeconds(30));
		DomainEvent newer = event(now.minusSeconds(10));
		this.transactions.run(() -> {
			this.outbox.add(older);
			this.outbox.add(newer);
		});
		this.transactions.run(() -> this.outbox.markDelivered(claimOf(this.graph, 10, now), now));

		List<OutboxLag> lag = this.transactions.inTransaction(() -> this.outbox.lag(now));

		assertThat(lag).filteredOn((l) -> l.consumer().equals(this.log))
			.singleElement()
			.satisfies((l) -> assertThat(l.undelivered()).isEqualTo(2))
			.satisfies((l) -> assertThat(l.oldestAge()).isGreaterThanOrEqualTo(Duration.ofSeconds(30)));
		assertThat(lag).noneMatch((l) -> l.consumer().equals(this.graph));
	}

	@Test
	void pruneDeletesOnlyEventsEveryConsumerReceivedBeforeTheCutoff() {
		Instant old = Instant.parse("2001-01-01T00:00:00Z");
		DomainEvent delivered = event(old);
		DomainEvent halfDelivered = event(old);
		this.transactions.run(() -> {
			this.outbox.add(delivered);
			this.outbox.add(halfDelivered);
		});
		this.transactions.run(() -> {
			this.outbox.markDelivered(claimOf(this.log, 10, old), old.plusSeconds(1));
			this.outbox.markDelivered(claimOf(this.graph, 1, old), old.plusSeconds(1));
		});

		this.transactions.run(() -> this.outbox.prune(old.plusSeconds(60), 1000));

		assertThat(exists(delivered)).isFalse();
		assertThat(exists(halfDelivered)).isTrue();
		assertThat(claim(this.graph, 10, old.plus(LEASE).plusSeconds(60))).containsExactly(halfDelivered);
	}

	private boolean exists(DomainEvent event) {
		return this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, event.id()) > 0;
	}

	private List<DomainEvent> claim(String consumer, int max, Instant now) {
		return claimOf(consumer, max, now).events();
	}

	private Claim claimOf(String consumer, int max, Instant now) {
		return this.transactions.inTransaction(() -> this.outbox.claim(consumer, max, now, LEASE));
	}

	private void fail(DomainEvent event, Instant now, Duration first, Duration max) {
		Claim claim = claimOf(this.log, 10, now);
		assertThat(claim.events()).containsExactly(event);
		this.transactions.run(() -> this.outbox.markFailed(claim, now, first, max, "cassandra is down"));
	}

	private static Set<UUID> ids(List<DomainEvent> events) {
		Set<UUID> ids = new HashSet<>();
		events.forEach((e) -> ids.add(e.id()));
		return ids;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static DomainEvent event(Instant at) {
		CustomerId owner = CustomerId.random();
		return DomainEvent.of(EventStream.account(UUID.randomUUID()), "DepositMade", at, owner,
				Map.of("amount", "12.50", "note", "quote ' and \" and \\ are data"));
	}

}
