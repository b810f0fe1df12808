package io.polyglot.domain.account;

import java.util.Set;

import io.polyglot.domain.account.CustomerEvent.CustomerRegistered;
import io.polyglot.domain.eventlog.EventCodec;

/** The stored form of {@link CustomerEvent}s. */
public final class CustomerEventCodec implements EventCodec<CustomerEvent> {

	private static final String CUSTOMER_REGISTERED = "CustomerRegistered";

	@Override
	public Class<CustomerEvent> kind() {
		return CustomerEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(CUSTOMER_REGISTERED);
	}

	@Override
	public String write(CustomerEvent event, PayloadWriter out) {
		CustomerRegistered registered = (CustomerRegistered) event;
		out.put("customerId", registered.customerId()).put("username", registered.username().value());
		return CUSTOMER_REGISTERED;
	}

	@Override
	public CustomerEvent read(PayloadReader in) {
		return new CustomerRegistered(in.customerId("customerId"), new Username(in.text("username")));
	}

}
