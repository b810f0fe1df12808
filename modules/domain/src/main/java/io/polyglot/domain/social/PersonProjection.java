package io.polyglot.domain.social;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.account.Username;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.ValidationException;

/**
 * Projects registrations into the social graph: each CustomerRegistered event becomes a
 * person node, merged by customer id, so a redelivered batch changes nothing. Every other
 * event type is skipped.
 */
public final class PersonProjection implements EventConsumer {

	/** The consumer name the outbox tracks this projection's deliveries under. */
	public static final String NAME = "social-graph";

	private static final System.Logger logger = System.getLogger(PersonProjection.class.getName());

	private final SocialGraph graph;

	public PersonProjection(SocialGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(List<DomainEvent> events) {
		// keyed by id: a batch holding the same registration twice records it once
		Map<CustomerId, Person> people = new LinkedHashMap<>();
		for (DomainEvent event : events) {
			if (!EventTypes.CUSTOMER_REGISTERED.equals(event.type())) {
				continue;
			}
			try {
				Person person = new Person(CustomerId.parse(event.payload().get("customerId")),
						new Username(event.payload().get("username")).value());
				people.put(person.id(), person);
			}
			catch (ValidationException ex) {
				// retrying a malformed event can never succeed and would hold back every
				// later one: skip it loudly instead
				logger.log(Level.WARNING, "Skipping malformed CustomerRegistered event {0}: {1}", event.id(),
						ex.getMessage());
			}
		}
		if (!people.isEmpty()) {
			this.graph.recordPeople(people.values());
		}
	}

}
