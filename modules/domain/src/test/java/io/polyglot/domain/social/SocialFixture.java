package io.polyglot.domain.social;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.Email;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.support.InMemoryCustomers;

/** Customers of record and their registration events, for the social use case tests. */
final class SocialFixture {

	final InMemoryCustomers customers = new InMemoryCustomers();

	final InMemorySocialGraph graph = new InMemorySocialGraph();

	final PersonProjection projection = new PersonProjection(this.graph);

	/** A customer registered in PostgreSQL only: not projected yet. */
	CustomerId registered(String username) {
		Customer customer = new Customer(CustomerId.random(), new Username(username),
				new Email(username + "@example.com"), "hash", Set.of(Role.CUSTOMER), Instant.EPOCH);
		this.customers.register(customer, "EUR");
		return customer.id();
	}

	/** A customer registered and projected into the graph. */
	CustomerId projected(String username) {
		CustomerId id = registered(username);
		this.projection.deliver(List.of(registration(id, username)));
		return id;
	}

	static DomainEvent registration(CustomerId id, String username) {
		return DomainEvent.of(EventStream.customer(id.value()), "CustomerRegistered", Instant.EPOCH, id,
				Map.of("customerId", id.toString(), "username", username));
	}

}
