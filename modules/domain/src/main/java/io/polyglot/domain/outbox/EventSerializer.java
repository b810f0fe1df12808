package io.polyglot.domain.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventCodec;
import io.polyglot.domain.eventlog.EventCodec.PayloadReader;
import io.polyglot.domain.eventlog.EventCodec.PayloadWriter;
import io.polyglot.domain.eventlog.EventCodecs;

/**
 * The one entry point for how events are stored: turns a typed {@link Event} into its
 * stored form ({@link DomainEvent}: a type name and a flat text payload) and back,
 * through the {@link EventCodec} each context owns for its events. The type names and
 * payload keys are the API contract's (the {@code /events} and {@code /me/activity} JSON
 * shows them as stored), so they never change; amounts are written with two decimals
 * ("12.50"), ids as UUID text, lists of ids comma-separated.
 */
public final class EventSerializer {

	private EventSerializer() {
	}

	/** Every stored type name (the API contract's list). */
	public static Set<String> types() {
		return EventCodecs.types();
	}

	/** Whether events of this stored type exist. */
	public static boolean isKnownType(@Nullable String type) {
		return EventCodecs.isKnownType(type);
	}

	/** The stored form of an event, on the event's stream and owned by its owner. */
	public static DomainEvent toStored(UUID id, Instant occurredAt, Event event) {
		PayloadWriter payload = new PayloadWriter();
		String type = write(event, payload);
		return new DomainEvent(id, event.stream(), type, occurredAt, event.owner(), payload.fields());
	}

	/**
	 * The typed event a stored one records.
	 * @throws MalformedEventException when the type is unknown or the payload lacks or
	 * garbles a field the type needs
	 */
	public static Event fromStored(DomainEvent stored) {
		EventCodec<?> codec = EventCodecs.forType(stored.type()).orElseThrow(() -> malformed(stored, "unknown type"));
		try {
			return codec.read(new PayloadReader(stored));
		}
		catch (RuntimeException ex) {
			throw malformed(stored, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The typed event a stored one records, when it is of the given kind (a context's
	 * interface such as {@code OrderEvent}, or one record); empty for any other type,
	 * whose payload is not read at all, so a consumer never fails on events it skips.
	 * @throws MalformedEventException when the event is of the kind and its payload is
	 * not what the type needs
	 */
	public static <E extends Event> Optional<E> fromStored(DomainEvent stored, Class<E> kind) {
		Optional<EventCodec<?>> codec = EventCodecs.forType(stored.type());
		if (codec.isEmpty()) {
			return Optional.empty();
		}
		Class<? extends Event> context = codec.get().kind();
		if (!(kind.isAssignableFrom(context) || context.isAssignableFrom(kind))) {
			return Optional.empty();
		}
		Event event = fromStored(stored);
		return kind.isInstance(event) ? Optional.of(kind.cast(event)) : Optional.empty();
	}

	private static <E extends Event> String write(E event, PayloadWriter out) {
		EventCodec<? super E> codec = EventCodecs.forEvent(event)
			.orElseThrow(() -> new IllegalArgumentException("no stored form for " + event.getClass().getName()));
		return codec.write(event, out);
	}

	private static MalformedEventException malformed(DomainEvent event, String reason) {
		return new MalformedEventException("Event " + event.id() + " (" + event.type() + ") cannot be read: " + reason);
	}

	/** A stored event whose payload does not hold what its type needs. */
	public static final class MalformedEventException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		MalformedEventException(String message) {
			super(message);
		}

	}

}
