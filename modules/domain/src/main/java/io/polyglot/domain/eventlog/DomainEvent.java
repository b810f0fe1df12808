package io.polyglot.domain.eventlog;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.shared.CustomerId;

/**
 * The stored form of an event, as the outbox, the event log and the {@code /events} JSON
 * keep it: recorded once, its id is the idempotency key in every consumer, so a
 * redelivered event never duplicates. The payload is flat text (amounts as "12.50", ids
 * as UUID text) so every store can keep it without a type mapping. The owner is the
 * customer who may read the stream; null for streams only administrators read. Domain
 * code writes and reads typed {@link Event}s, which each context's {@link EventCodec}
 * turns into this form and back.
 */
public record DomainEvent(UUID id, EventStream stream, String type, Instant occurredAt, @Nullable CustomerId owner,
		Map<String, String> payload) {

	public DomainEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(stream, "stream");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (!EventCodecs.isKnownType(type)) {
			throw new IllegalArgumentException("unknown event type " + type);
		}
		payload = Map.copyOf(payload);
	}

	/** A new event with a fresh random id. */
	public static DomainEvent of(EventStream stream, String type, Instant occurredAt, @Nullable CustomerId owner,
			Map<String, String> payload) {
		return new DomainEvent(UUID.randomUUID(), stream, type, occurredAt, owner, payload);
	}

}
