package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.OutboxQueue.Claim;
import io.polyglot.domain.outbox.OutboxQueue.OutboxLag;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Outbox} with its {@link OutboxQueue} must do, run against the
 * in-memory fake and the PostgreSQL adapter: events are claimed per consumer, oldest
 * first and not before they occurred, leased to one claim at a time until the lease
 * expires, and only the claim holding the lease records their outcome; delivered ones are
 * not claimed again; failures wait a capped exponential backoff; lag counts what each
 * consumer still has to get; prune drops only what every consumer received. Each test
 * delivers to consumers of its own, since a real store is shared by the whole test JVM.
 */
public abstract class OutboxContract {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private String log;

	private String graph;

	private Outbox outbox;

	private OutboxQueue queue;

	/** The outbox and its queue, delivering to exactly these consumers. */
	protected abstract Ports ports(List<String> consumers);

	/** The transactions the queue's methods run in. */
	protected abstract Transactions transactions();

	/** Whether the outbox still holds the event (for prune). */
	protected abstract boolean holds(UUID eventId);

	@BeforeEach
	protected void consumersOfThisTest() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.log = "log-" + suffix;
		this.graph = "graph-" + suffix;
		Ports ports = ports(List.of(this.log, this.graph));
		this.outbox = ports.outbox();
		this.queue = ports.queue();
	}

	@Test
	protected void anAddedEventIsClaimableWithItsPayloadByEveryConsumer() {
		DomainEvent event = event(T0);

		add(event);

		assertThat(claim(this.log, 10, T0).events()).containsExactly(event);
		assertThat(claim(this.graph, 10, T0).events()).containsExactly(event);
	}

	@Test
	protected void eventsAreClaimedOldestFirstUpToTheMaximumAndNotBeforeTheyOccurred() {
		DomainEvent first = event(T0);
		DomainEvent second = event(T0.plusSeconds(1));
		DomainEvent third = event(T0.plusSeconds(2));
		add(first, second, third);

		assertThat(claim(this.graph, 2, T0.plusSeconds(5)).events()).containsExactly(first, second);
		assertThat(claim(this.log, 10, T0.minusSeconds(1)).events()).isEmpty();
		assertThat(claim(this.log, 10, T0.plusSeconds(1)).events()).containsExactly(first, second);
	}

	@Test
	protected void aClaimLeasesItsEventsSoConcurrentClaimsNeverOverlap() {
		DomainEvent first = event(T0);
		DomainEvent second = event(T0.plusSeconds(1));
		DomainEvent third = event(T0.plusSeconds(2));
		add(first, second, third);

		Claim one = claim(this.log, 2, T0.plusSeconds(5));
		Claim other = claim(this.log, 10, T0.plusSeconds(5));

		assertThat(one.events()).containsExactly(first, second);
		assertThat(other.events()).containsExactly(third);
		assertThat(one.lease()).isNotEqualTo(other.lease());
		assertThat(one.leasedUntil()).isEqualTo(T0.plusSeconds(5).plus(LEASE));
		assertThat(claim(this.log, 10, T0.plusSeconds(6)).events()).as("all leased").isEmpty();
		assertThat(claim(this.graph, 10, T0.plusSeconds(6)).events()).as("leases are per consumer")
			.containsExactly(first, second, third);
	}

	@Test
	protected void anExpiredLeaseMakesTheEventsClaimableAgainAndOnlyTheNewClaimRecordsThem() {
		DomainEvent event = event(T0);
		add(event);
		Claim crashed = claim(this.log, 10, T0);

		assertThat(claim(this.log, 10, T0.plus(LEASE).minusMillis(1)).events()).isEmpty();
		Claim retry = claim(this.log, 10, T0.plus(LEASE));
		assertThat(retry.events()).containsExactly(event);

		assertThat(markDelivered(crashed, T0.plus(LEASE))).as("the stale claim records nothing").isZero();
		assertThat(markFailed(crashed, T0.plus(LEASE))).as("nor a failure").isZero();
		assertThat(markDelivered(retry, T0.plus(LEASE))).isOne();
		assertThat(claim(this.log, 10, T0.plus(LEASE.multipliedBy(3))).events()).as("delivered").isEmpty();
	}

	@Test
	protected void aClaimWhoseLeaseExpiredUntakenStillRecordsItsDelivery() {
		DomainEvent event = event(T0);
		add(event);
		Claim slow = claim(this.log, 10, T0);

		assertThat(markDelivered(slow, T0.plus(LEASE).plusSeconds(10))).isOne();

		assertThat(claim(this.log, 10, T0.plus(LEASE).plusSeconds(20)).events()).isEmpty();
	}

	@Test
	protected void deliveredEventsAreNotClaimedAgainAndTheOtherConsumerStillGetsThem() {
		DomainEvent event = event(T0);
		add(event);

		assertThat(markDelivered(claim(this.log, 10, T0), T0)).isOne();

		assertThat(claim(this.log, 10, T0.plus(LEASE).plusSeconds(1)).events()).isEmpty();
		assertThat(claim(this.graph, 10, T0.plusSeconds(1)).events()).containsExactly(event);
	}

	@Test
	protected void failedEventsWaitOutACappedExponentialBackoff() {
		DomainEvent event = event(T0);
		add(event);

		fail(event, T0); // attempt 1: next at +1 s
		assertThat(claim(this.log, 10, T0.plusMillis(999)).events()).isEmpty();
		assertThat(claim(this.graph, 10, T0).events()).as("the other consumer is not held back").containsExactly(event);
		fail(event, T0.plusSeconds(1)); // attempt 2: +2 s
		assertThat(claim(this.log, 10, T0.plusMillis(2999)).events()).isEmpty();
		Instant at = T0.plusSeconds(3);
		for (int i = 0; i < 10; i++) {
			fail(event, at);
			at = at.plus(MAX_BACKOFF);
		}
		Instant lastFailure = at.minus(MAX_BACKOFF);
		assertThat(claim(this.log, 10, lastFailure.plus(MAX_BACKOFF).minusMillis(1)).events()).isEmpty();
		assertThat(claim(this.log, 10, lastFailure.plus(MAX_BACKOFF)).events()).as("capped").containsExactly(event);
	}

	@Test
	protected void lagCountsUndeliveredEventsPerConsumerWithTheAgeOfTheOldest() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		DomainEvent older = event(now.minusSeconds(30));
		DomainEvent newer = event(now.minusSeconds(10));
		add(older, newer);
		markDelivered(claim(this.graph, 10, now), now);
		claim(this.log, 1, now);

		List<OutboxLag> lag = this.transactions().inTransaction(() -> this.queue.lag(now));

		assertThat(lag).filteredOn((l) -> l.consumer().equals(this.log))
			.as("leased events are still undelivered")
			.singleElement()
			.satisfies((l) -> assertThat(l.undelivered()).isEqualTo(2))
			.satisfies((l) -> assertThat(l.oldestAge()).isEqualTo(Duration.ofSeconds(30)));
		assertThat(lag).as("a consumer with nothing left").noneMatch((l) -> l.consumer().equals(this.graph));
	}

	@Test
	protected void pruneDeletesOnlyEventsEveryConsumerReceivedBeforeTheCutoff() {
		Instant old = Instant.parse("2001-01-01T00:00:00Z");
		DomainEvent delivered = event(old);
		DomainEvent deliveredLate = event(old);
		DomainEvent halfDelivered = event(old);
		add(delivered, deliveredLate, halfDelivered);
		markDelivered(claim(this.log, 10, old), old.plusSeconds(1));
		markDelivered(claim(this.graph, 1, old), old.plusSeconds(1));
		markDelivered(claim(this.graph, 1, old), old.plusSeconds(120));

		int pruned = this.transactions().inTransaction(() -> this.queue.prune(old.plusSeconds(60), 1000));

		assertThat(pruned).isPositive();
		assertThat(holds(delivered.id())).isFalse();
		assertThat(holds(halfDelivered.id())).isTrue();
		assertThat(holds(deliveredLate.id())).isTrue();
		assertThat(claim(this.graph, 10, old.plusSeconds(60)).events()).containsExactly(halfDelivered);
	}

	private void add(DomainEvent... events) {
		this.transactions().run(() -> {
			for (DomainEvent event : events) {
				this.outbox.add(event);
			}
		});
	}

	private Claim claim(String consumer, int max, Instant now) {
		return this.transactions().inTransaction(() -> this.queue.claim(consumer, max, now, LEASE));
	}

	private int markDelivered(Claim claim, Instant now) {
		return this.transactions().inTransaction(() -> this.queue.markDelivered(claim, now));
	}

	private int markFailed(Claim claim, Instant now) {
		return this.transactions()
			.inTransaction(() -> this.queue.markFailed(claim, now, FIRST_BACKOFF, MAX_BACKOFF, "the log is down"));
	}

	/** One claim of the log consumer at that time, holding the event, failed then. */
	private void fail(DomainEvent event, Instant at) {
		Claim claim = claim(this.log, 10, at);
		assertThat(claim.events()).as("due at %s", at).containsExactly(event);
		assertThat(markFailed(claim, at)).isOne();
	}

	private static DomainEvent event(Instant at) {
		return DomainEvent.of(EventStream.account(UUID.randomUUID()), "DepositMade", at, CustomerId.random(),
				Map.of("amount", "12.50", "note", "quote ' and \" and \\ are data"));
	}

	/** An outbox and the relay's queue over the same events. */
	public record Ports(Outbox outbox, OutboxQueue queue) {
	}

}
