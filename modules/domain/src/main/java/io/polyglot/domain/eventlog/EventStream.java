package io.polyglot.domain.eventlog;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.ValidationException;

/**
 * The stream an event belongs to, written {@code <type>:<id>} (for example
 * {@code account:3f2b...}); the unit of ownership and of reading.
 */
public record EventStream(String type, UUID id) {

	/** The stream types this service writes. */
	public static final Set<String> TYPES = Set.of("customer", "account", "order", "product");

	public EventStream {
		Objects.requireNonNull(id, "id");
		if (!TYPES.contains(type)) {
			throw new ValidationException("stream", "type must be one of " + TYPES.stream().sorted().toList());
		}
	}

	/** Parses {@code <type>:<uuid>}; anything else is a validation error. */
	public static EventStream parse(String text) {
		int colon = (text != null) ? text.indexOf(':') : -1;
		if (colon < 1) {
			throw new ValidationException("stream", "must look like <type>:<id>, for example customer:<uuid>");
		}
		String type = text.substring(0, colon);
		if (!TYPES.contains(type)) {
			throw new ValidationException("stream", "type must be one of " + TYPES.stream().sorted().toList());
		}
		return new EventStream(type, Ids.parseUuid("stream", text.substring(colon + 1)));
	}

	public static EventStream customer(UUID id) {
		return new EventStream("customer", id);
	}

	public static EventStream account(UUID id) {
		return new EventStream("account", id);
	}

	public static EventStream order(UUID id) {
		return new EventStream("order", id);
	}

	public static EventStream product(UUID id) {
		return new EventStream("product", id);
	}

	@Override
	public String toString() {
		return this.type + ":" + this.id;
	}

}
