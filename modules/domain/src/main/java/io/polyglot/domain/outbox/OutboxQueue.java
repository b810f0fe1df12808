package io.polyglot.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;

/**
 * Port for the relay's side of the outbox: lease the events due for one consumer to a
 * claim, and record how their delivery went. Each method is one short call of its own,
 * run inside {@code Transactions.inTransaction} and committed before the consumer is
 * called: no lock is held while the events travel to the consumer's store. A claim's
 * events are leased to it until {@code now + leaseFor}; other relays (threads or
 * instances) skip leased events, and an expired lease (its relay crashed or hung) makes
 * them claimable again, so delivery is at least once.
 */
public interface OutboxQueue {

	/**
	 * Leases up to {@code max} events due for the consumer (undelivered, not waiting out
	 * a backoff, not leased to a live claim), oldest first, to a new claim.
	 */
	Claim claim(String consumer, int max, Instant now, Duration leaseFor);

	/**
	 * Marks the claim's events delivered, those still leased to it; returns how many. An
	 * event whose lease expired and that another claim took is left to that claim (which
	 * delivers it again: consumers deduplicate on the event id).
	 */
	int markDelivered(Claim claim, Instant now);

	/**
	 * Counts a failed attempt at the claim's events still leased to it, ends their lease
	 * and schedules the next attempt after a capped exponential backoff:
	 * {@code min(maxBackoff, firstBackoff * 2^(attempts - 1))}; returns how many.
	 */
	int markFailed(Claim claim, Instant now, Duration firstBackoff, Duration maxBackoff, String error);

	/** Undelivered events per consumer: how many and how old the oldest is. */
	List<OutboxLag> lag(Instant now);

	/**
	 * Deletes events that every consumer received before the cutoff; returns how many.
	 */
	int prune(Instant deliveredBefore, int max);

	/** The backlog of one consumer. */
	record OutboxLag(String consumer, long undelivered, Duration oldestAge) {
	}

	/**
	 * Events leased to one claim of one consumer until {@code leasedUntil}; {@code lease}
	 * identifies the claim (a fresh one per call, so two loops of one instance never take
	 * each other's events for their own).
	 */
	record Claim(String consumer, UUID lease, Instant leasedUntil, List<DomainEvent> events) {

		public Claim {
			events = List.copyOf(events);
		}

		/** A claim that found nothing due. */
		public static Claim none(String consumer, Instant now) {
			return new Claim(consumer, new UUID(0, 0), now, List.of());
		}

		public boolean isEmpty() {
			return this.events.isEmpty();
		}

		/** The ids of the claimed events, in claim order. */
		public List<UUID> eventIds() {
			return this.events.stream().map(DomainEvent::id).toList();
		}

	}

}
