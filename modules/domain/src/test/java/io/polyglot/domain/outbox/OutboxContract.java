package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.outbox.OutboxQueue.OutboxLag;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Outbox} with its {@link OutboxQueue} must do, run against the
 * in-memory fake and the PostgreSQL adapter: events are claimed per consumer, oldest
 * first and not before they occurred; delivered ones are not claimed again; failures wait
 * a capped exponential backoff; lag counts what each consumer still has to get; prune
 * drops only what every consumer received. Each test delivers to consumers of its own,
 * since a real store is shared by the whole test JVM.
 */
public abstract class OutboxContract {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

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

		assertThat(claim(this.log, 10, T0)).containsExactly(event);
		assertThat(claim(this.graph, 10, T0)).containsExactly(event);
	}

	@Test
	protected void eventsAreClaimedOldestFirstUpToTheMaximumAndNotBeforeTheyOccurred() {
		DomainEvent first = event(T0);
		DomainEvent second = event(T0.plusSeconds(1));
		DomainEvent third = event(T0.plusSeconds(2));
		add(first, second, third);

		assertThat(claim(this.log, 2, T0.plusSeconds(5))).containsExactly(first, second);
		assertThat(claim(this.log, 10, T0.plusSeconds(1))).containsExactly(first, second);
		assertThat(claim(this.log, 10, T0.minusSeconds(1))).isEmpty();
	}

	@Test
	protected void deliveredEventsAreNotClaimedAgainAndTheOtherConsumerStillGetsThem() {
		DomainEvent event = event(T0);
		add(event);

		this.transactions().run(() -> this.queue.markDelivered(this.log, List.of(event.id()), T0));

		assertThat(claim(this.log, 10, T0.plusSeconds(1))).isEmpty();
		assertThat(claim(this.graph, 10, T0.plusSeconds(1))).containsExactly(event);
	}

	@Test
	protected void failedEventsWaitOutACappedExponentialBackoff() {
		DomainEvent event = event(T0);
		add(event);
		Duration first = Duration.ofSeconds(1);
		Duration max = Duration.ofSeconds(5);

		fail(event, T0, first, max);
		assertThat(claim(this.log, 10, T0.plusMillis(999))).isEmpty();
		assertThat(claim(this.graph, 10, T0)).as("the other consumer is not held back").containsExactly(event);
		assertThat(claim(this.log, 10, T0.plusSeconds(1))).containsExactly(event);
		fail(event, T0, first, max);
		assertThat(claim(this.log, 10, T0.plusMillis(1999))).isEmpty();
		assertThat(claim(this.log, 10, T0.plusSeconds(2))).containsExactly(event);
		for (int i = 0; i < 10; i++) {
			fail(event, T0, first, max);
		}
		assertThat(claim(this.log, 10, T0.plusMillis(4999))).isEmpty();
		assertThat(claim(this.log, 10, T0.plusSeconds(5))).as("capped").containsExactly(event);
	}

	@Test
	protected void lagCountsUndeliveredEventsPerConsumerWithTheAgeOfTheOldest() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		DomainEvent older = event(now.minusSeconds(30));
		DomainEvent newer = event(now.minusSeconds(10));
		add(older, newer);
		this.transactions().run(() -> this.queue.markDelivered(this.graph, List.of(older.id(), newer.id()), now));

		List<OutboxLag> lag = this.transactions().inTransaction(() -> this.queue.lag(now));

		assertThat(lag).filteredOn((l) -> l.consumer().equals(this.log))
			.singleElement()
			.satisfies((l) -> assertThat(l.undelivered()).isEqualTo(2))
			.satisfies((l) -> assertThat(l.oldestAge()).isEqualTo(Duration.ofSeconds(30)));
		assertThat(lag).as("a consumer with nothing left").noneMatch((l) -> l.consumer().equals(this.graph));
	}

	@Test
	protected void pruneDeletesOnlyEventsEveryConsumerReceivedBeforeTheCutoff() {
		Instant old = Instant.parse("2001-01-01T00:00:00Z");
		DomainEvent delivered = event(old);
		DomainEvent halfDelivered = event(old);
		DomainEvent deliveredLate = event(old);
		add(delivered, halfDelivered, deliveredLate);
		this.transactions().run(() -> {
			this.queue.markDelivered(this.log, List.of(delivered.id(), halfDelivered.id(), deliveredLate.id()),
					old.plusSeconds(1));
			this.queue.markDelivered(this.graph, List.of(delivered.id()), old.plusSeconds(1));
			this.queue.markDelivered(this.graph, List.of(deliveredLate.id()), old.plusSeconds(120));
		});

		int pruned = this.transactions().inTransaction(() -> this.queue.prune(old.plusSeconds(60), 1000));

		assertThat(pruned).isPositive();
		assertThat(holds(delivered.id())).isFalse();
		assertThat(holds(halfDelivered.id())).isTrue();
		assertThat(holds(deliveredLate.id())).isTrue();
		assertThat(claim(this.graph, 10, old.plusSeconds(60))).containsExactly(halfDelivered);
	}

	private void add(DomainEvent... events) {
		this.transactions().run(() -> {
			for (DomainEvent event : events) {
				this.outbox.add(event);
			}
		});
	}

	private List<DomainEvent> claim(String consumer, int max, Instant now) {
		return this.transactions().inTransaction(() -> this.queue.claim(consumer, max, now));
	}

	private void fail(DomainEvent event, Instant now, Duration first, Duration max) {
		this.transactions()
			.run(() -> this.queue.markFailed(this.log, List.of(event.id()), now, first, max, "the log is down"));
	}

	private static DomainEvent event(Instant at) {
		return DomainEvent.of(EventStream.account(UUID.randomUUID()), "DepositMade", at, CustomerId.random(),
				Map.of("amount", "12.50", "note", "quote ' and \" and \\ are data"));
	}

	/** An outbox and the relay's queue over the same events. */
	public record Ports(Outbox outbox, OutboxQueue queue) {
	}

}
