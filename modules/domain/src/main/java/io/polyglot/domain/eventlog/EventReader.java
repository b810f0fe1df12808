package io.polyglot.domain.eventlog;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;

/** Who is reading the event log: a customer, and whether they are an administrator. */
public record EventReader(CustomerId customer, boolean admin) {

	public EventReader {
		Objects.requireNonNull(customer, "customer");
	}

}
