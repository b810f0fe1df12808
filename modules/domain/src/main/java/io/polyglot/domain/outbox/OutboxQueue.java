package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;

/**
 * Port for the relay's side of the outbox: claim the events due for one consumer and
 * record how their delivery went. Every method must run inside
 * {@code Transactions.inTransaction}; claimed events stay locked until it ends, and other
 * relay instances skip them instead of waiting.
 */
public interface OutboxQueue {

	/** Up to {@code max} undelivered events due for the consumer, oldest first. */
	List<DomainEvent> claim(String consumer, int max, Instant now);

	/** Marks the events delivered to the consumer. */
	void markDelivered(String consumer, List<UUID> eventIds, Instant now);

	/**
	 * Counts a failed attempt and schedules the next one after a capped exponential
	 * backoff: {@code min(maxBackoff, firstBackoff * 2^(attempts - 1))}.
	 */
	void markFailed(String consumer, List<UUID> eventIds, Instant now, Duration firstBackoff, Duration maxBackoff,
			String error);

	/** Undelivered events per consumer: how many and how old the oldest is. */
	List<OutboxLag> lag(Instant now);

	/**
	 * Deletes events that every consumer received before the cutoff; returns how many.
	 */
	int prune(Instant deliveredBefore, int max);

	/** The backlog of one consumer. */
	record OutboxLag(String consumer, long undelivered, Duration oldestAge) {
	}

}
