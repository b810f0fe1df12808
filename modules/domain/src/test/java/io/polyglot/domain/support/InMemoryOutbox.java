package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.outbox.OutboxQueue;

/**
 * The outbox and the relay's queue in maps, for use-case tests, with the PostgreSQL
 * adapter's rules, checked by the same {@code OutboxContract}: delivery is tracked per
 * consumer from the time the event occurred, a claim leases its events until the lease
 * expires, only the claim holding the lease records the outcome, a failed attempt waits a
 * capped exponential backoff, and an event is pruned once every consumer received it.
 */
public final class InMemoryOutbox implements Outbox, OutboxQueue {

	private final List<String> consumers;

	private final Map<UUID, DomainEvent> events = new LinkedHashMap<>();

	private final Map<String, Map<UUID, Instant>> delivered = new HashMap<>();

	private final Map<String, Map<UUID, Attempts>> failures = new HashMap<>();

	private final Map<String, Map<UUID, Lease>> leases = new HashMap<>();

	/** An outbox delivering to the named consumers. */
	public InMemoryOutbox(String... consumers) {
		this.consumers = List.of(consumers);
		for (String consumer : consumers) {
			this.delivered.put(consumer, new HashMap<>());
			this.failures.put(consumer, new HashMap<>());
			this.leases.put(consumer, new HashMap<>());
		}
	}

	@Override
	public synchronized void add(DomainEvent event) {
		this.events.putIfAbsent(event.id(), event);
	}

	@Override
	public synchronized Claim claim(String consumer, int max, Instant now, Duration leaseFor) {
		Map<UUID, Instant> done = known(this.delivered, consumer);
		Map<UUID, Attempts> failed = known(this.failures, consumer);
		Map<UUID, Lease> leased = known(this.leases, consumer);
		List<DomainEvent> due = this.events.values()
			.stream()
			.filter((event) -> !done.containsKey(event.id()))
			// the first attempt is due when the event occurred (the adapter's schedule)
			.filter((event) -> !(failed.containsKey(event.id()) ? failed.get(event.id()).nextAt() : event.occurredAt())
				.isAfter(now))
			// a live lease belongs to its claim; an expired one to nobody
			.filter((event) -> !leased.containsKey(event.id()) || !leased.get(event.id()).until().isAfter(now))
			.limit(max)
			.toList();
		if (due.isEmpty()) {
			return Claim.none(consumer, now);
		}
		Lease lease = new Lease(UUID.randomUUID(), now.plus(leaseFor));
		due.forEach((event) -> leased.put(event.id(), lease));
		return new Claim(consumer, lease.id(), lease.until(), due);
	}

	@Override
	public synchronized int markDelivered(Claim claim, Instant now) {
		List<UUID> ours = stillLeased(claim);
		ours.forEach((id) -> known(this.delivered, claim.consumer()).put(id, now));
		ours.forEach(known(this.failures, claim.consumer())::remove);
		return ours.size();
	}

	@Override
	public synchronized int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff,
			String error) {
		Map<UUID, Attempts> failed = known(this.failures, claim.consumer());
		List<UUID> ours = stillLeased(claim);
		for (UUID id : ours) {
			int attempts = failed.containsKey(id) ? failed.get(id).count() + 1 : 1;
			Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
			failed.put(id, new Attempts(attempts, now.plus((backoff.compareTo(maxBackoff) > 0) ? maxBackoff : backoff),
					error));
		}
		return ours.size();
	}

	/**
	 * The claim's events still leased to it (not taken over by a later claim), lease
	 * ended.
	 */
	private List<UUID> stillLeased(Claim claim) {
		Map<UUID, Lease> leased = known(this.leases, claim.consumer());
		List<UUID> ours = claim.eventIds()
			.stream()
			.filter((id) -> leased.containsKey(id) && leased.get(id).id().equals(claim.lease()))
			.toList();
		ours.forEach(leased::remove);
		return ours;
	}

	@Override
	public synchronized List<OutboxLag> lag(Instant now) {
		List<OutboxLag> lag = new ArrayList<>();
		for (String consumer : this.consumers.stream().sorted().toList()) {
			List<DomainEvent> waiting = this.events.values()
				.stream()
				.filter((event) -> !this.delivered.get(consumer).containsKey(event.id()))
				.toList();
			if (waiting.isEmpty()) {
				// as the adapter's GROUP BY: a consumer with nothing left has no lag row
				continue;
			}
			Instant oldest = waiting.stream().map(DomainEvent::occurredAt).min(Instant::compareTo).orElseThrow();
			Duration age = Duration.between(oldest, now);
			lag.add(new OutboxLag(consumer, waiting.size(), age.isNegative() ? Duration.ZERO : age));
		}
		return lag;
	}

	@Override
	public synchronized int prune(Instant deliveredBefore, int max) {
		// an event goes once it occurred and every consumer had it before the cutoff,
		// oldest first
		List<UUID> due = this.events.values()
			.stream()
			.filter((event) -> event.occurredAt().isBefore(deliveredBefore))
			.filter((event) -> this.consumers.stream().allMatch((consumer) -> {
				Instant at = this.delivered.get(consumer).get(event.id());
				return at != null && at.isBefore(deliveredBefore);
			}))
			.sorted(java.util.Comparator.comparing(DomainEvent::occurredAt))
			.limit(max)
			.map(DomainEvent::id)
			.toList();
		due.forEach(this.events::remove);
		return due.size();
	}

	/** How many failed attempts the consumer made at the event; 0 when none. */
	public synchronized int attempts(String consumer, UUID eventId) {
		Attempts attempts = known(this.failures, consumer).get(eventId);
		return (attempts != null) ? attempts.count() : 0;
	}

	/** Whether the outbox still holds the event. */
	public synchronized boolean holds(UUID eventId) {
		return this.events.containsKey(eventId);
	}

	/** How many events the outbox still holds. */
	public synchronized int size() {
		return this.events.size();
	}

	private static <T> Map<UUID, T> known(Map<String, Map<UUID, T>> perConsumer, String consumer) {
		Map<UUID, T> entries = perConsumer.get(consumer);
		if (entries == null) {
			throw new IllegalArgumentException("unknown consumer " + consumer);
		}
		return entries;
	}

	private record Attempts(int count, Instant nextAt, String error) {
	}

	private record Lease(UUID id, Instant until) {
	}

}
