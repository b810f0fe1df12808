package io.polyglot.domain.account;

import java.util.Objects;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;

/** What happens to a customer's registration, on the customer's own stream. */
public sealed interface CustomerEvent extends Event {

	/** The customer the event is about; they own it. */
	CustomerId customerId();

	@Override
	default EventStream stream() {
		return EventStream.customer(customerId().value());
	}

	@Override
	default CustomerId owner() {
		return customerId();
	}

	/** A customer registered (and got an empty wallet account). */
	record CustomerRegistered(CustomerId customerId, Username username) implements CustomerEvent {

		public CustomerRegistered {
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(username, "username");
		}

	}

}
