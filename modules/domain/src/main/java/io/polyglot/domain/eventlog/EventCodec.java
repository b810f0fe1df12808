package io.polyglot.domain.eventlog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Money;

/**
 * How the events of one context are stored: the stored type names and payload keys of the
 * events under one sealed context interface. Each context owns the codec of its own
 * events and lists it in {@code META-INF/services}, so the event log and the outbox read
 * and write every context's events ({@link EventCodecs}) without depending on any
 * context.
 *
 * @param <E> the context's sealed event interface
 */
public interface EventCodec<E extends Event> {

	/** The context interface this codec's events implement, e.g. {@code OrderEvent}. */
	Class<E> kind();

	/** Every stored type name this codec writes and reads. */
	Set<String> types();

	/**
	 * Puts the event's payload fields, in their stored order, and returns its type name.
	 */
	String write(E event, PayloadWriter out);

	/**
	 * The typed event of a stored one whose type is one of {@link #types()}.
	 * @throws IllegalArgumentException naming the field when the payload is not what the
	 * type needs
	 */
	E read(PayloadReader in);

	/** A payload being written, in the order its fields are put. */
	final class PayloadWriter {

		private final Map<String, String> fields = new LinkedHashMap<>();

		/** Puts the field as text ({@code toString()}). */
		public PayloadWriter put(String key, Object value) {
			this.fields.put(key, value.toString());
			return this;
		}

		/** The fields put so far, in order. */
		public Map<String, String> fields() {
			return this.fields;
		}

	}

	/** A stored event being read: each accessor names the field it failed on. */
	record PayloadReader(DomainEvent event) {

		public String type() {
			return this.event.type();
		}

		public String text(String key) {
			String value = this.event.payload().get(key);
			if (value == null) {
				throw malformed("no " + key);
			}
			return value;
		}

		public UUID uuid(String key) {
			return Ids.parseUuid(key, text(key));
		}

		public CustomerId customerId(String key) {
			return CustomerId.parse(key, text(key));
		}

		public List<UUID> uuids(String key) {
			String ids = text(key);
			return ids.isEmpty() ? List.of()
					: Arrays.stream(ids.split(",")).map((id) -> Ids.parseUuid(key, id)).toList();
		}

		/**
		 * An amount in the event's currency (amounts of one event share one currency).
		 */
		public Money money(String key) {
			return Money.parse(text(key), text("currency"));
		}

		public int integer(String key) {
			return Integer.parseInt(text(key));
		}

		public long longInteger(String key) {
			return Long.parseLong(text(key));
		}

		public boolean bool(String key) {
			String value = text(key);
			if (!"true".equals(value) && !"false".equals(value)) {
				throw malformed(key + " must be true or false");
			}
			return Boolean.parseBoolean(value);
		}

		/**
		 * The stream's owner, which the payloads of account and session events leave out.
		 */
		public CustomerId owner() {
			CustomerId owner = this.event.owner();
			if (owner == null) {
				throw malformed("no owner");
			}
			return owner;
		}

		/**
		 * The failure of a payload that lacks or garbles what its type needs; the
		 * serializer adds which event it was.
		 */
		public IllegalArgumentException malformed(String reason) {
			return new IllegalArgumentException(reason);
		}

	}

}
