package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.outbox.OutboxQueue;

/**
 * The outbox and the relay's queue in maps, for use-case tests, with the PostgreSQL
 * adapter's rules: delivery is tracked per consumer, a failed attempt waits a capped
 * exponential backoff, and an event is pruned once every consumer received it.
 */
public final class InMemoryOutbox implements Outbox, OutboxQueue {

	private final List<String> consumers;

	private final Map<UUID, DomainEvent> events = new LinkedHashMap<>();

	private final Map<UUID, Instant> addedAt = new HashMap<>();

	private final Map<String, Map<UUID, Instant>> delivered = new HashMap<>();

	private final Map<String, Map<UUID, Attempts>> failures = new HashMap<>();

	private final java.util.function.Supplier<Instant> clock;

	/** An outbox delivering to the named consumers, stamping additions by the clock. */
	public InMemoryOutbox(io.polyglot.domain.shared.Clock clock, String... consumers) {
		this.clock = clock::now;
		this.consumers = List.of(consumers);
		for (String consumer : consumers) {
			this.delivered.put(consumer, new HashMap<>());
			this.failures.put(consumer, new HashMap<>());
		}
	}

	@Override
	public synchronized void add(DomainEvent event) {
		this.events.putIfAbsent(event.id(), event);
		this.addedAt.putIfAbsent(event.id(), this.clock.get());
	}

	@Override
	public synchronized List<DomainEvent> claim(String consumer, int max, Instant now) {
		Map<UUID, Instant> done = known(this.delivered, consumer);
		Map<UUID, Attempts> failed = known(this.failures, consumer);
		return this.events.values()
			.stream()
			.filter((event) -> !done.containsKey(event.id()))
			.filter((event) -> !failed.containsKey(event.id()) || !failed.get(event.id()).nextAt().isAfter(now))
			.limit(max)
			.toList();
	}

	@Override
	public synchronized void markDelivered(String consumer, List<UUID> eventIds, Instant now) {
		eventIds.forEach((id) -> known(this.delivered, consumer).put(id, now));
		eventIds.forEach(known(this.failures, consumer)::remove);
	}

	@Override
	public synchronized void markFailed(String consumer, List<UUID> eventIds, Instant now, Duration firstBackoff,
			Duration maxBackoff, String error) {
		Map<UUID, Attempts> failed = known(this.failures, consumer);
		for (UUID id : eventIds) {
			int attempts = failed.containsKey(id) ? failed.get(id).count() + 1 : 1;
			Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
			failed.put(id, new Attempts(attempts, now.plus((backoff.compareTo(maxBackoff) > 0) ? maxBackoff : backoff),
					error));
		}
	}

	@Override
	public synchronized List<OutboxLag> lag(Instant now) {
		List<OutboxLag> lag = new ArrayList<>();
		for (String consumer : this.consumers) {
			List<UUID> waiting = this.events.keySet()
				.stream()
				.filter((id) -> !this.delivered.get(consumer).containsKey(id))
				.toList();
			Duration oldest = waiting.isEmpty() ? Duration.ZERO
					: Duration.between(this.addedAt.get(waiting.get(0)), now);
			lag.add(new OutboxLag(consumer, waiting.size(), oldest));
		}
		return lag;
	}

	@Override
	public synchronized int prune(Instant deliveredBefore, int max) {
		int pruned = 0;
		for (Iterator<UUID> it = this.events.keySet().iterator(); it.hasNext() && pruned < max;) {
			UUID id = it.next();
			boolean everywhere = this.consumers.stream().allMatch((consumer) -> {
				Instant at = this.delivered.get(consumer).get(id);
				return at != null && at.isBefore(deliveredBefore);
			});
			if (everywhere) {
				it.remove();
				this.addedAt.remove(id);
				pruned++;
			}
		}
		return pruned;
	}

	/** How many failed attempts the consumer made at the event; 0 when none. */
	public synchronized int attempts(String consumer, UUID eventId) {
		Attempts attempts = known(this.failures, consumer).get(eventId);
		return (attempts != null) ? attempts.count() : 0;
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

}
