package io.polyglot.domain.session;

import java.util.Objects;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;

/** What happens to a customer's sessions, on the customer's stream. */
public sealed interface SessionEvent extends Event {

	/** The customer whose session it is; they own the event. */
	CustomerId customerId();

	@Override
	default EventStream stream() {
		return EventStream.customer(customerId().value());
	}

	@Override
	default CustomerId owner() {
		return customerId();
	}

	/** A customer logged in. */
	record SessionStarted(CustomerId customerId, String sessionId) implements SessionEvent {

		public SessionStarted {
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(sessionId, "sessionId");
		}

	}

	/** A customer logged out of one session. */
	record SessionEnded(CustomerId customerId, String sessionId) implements SessionEvent {

		public SessionEnded {
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(sessionId, "sessionId");
		}

	}

	/**
	 * A customer logged out of every session at once; stored with the same type as
	 * {@link SessionEnded}, told apart by its scope.
	 */
	record AllSessionsEnded(CustomerId customerId, int count) implements SessionEvent {

		public AllSessionsEnded {
			Objects.requireNonNull(customerId, "customerId");
		}

	}

}
