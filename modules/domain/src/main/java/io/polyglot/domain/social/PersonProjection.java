package io.polyglot.domain.social;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.account.CustomerEvent.CustomerRegistered;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.EventSerializer;
import io.polyglot.domain.outbox.EventSerializer.MalformedEventException;
import io.polyglot.domain.shared.CustomerId;

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
		for (DomainEvent stored : events) {
			try {
				EventSerializer.fromStored(stored, CustomerRegistered.class).ifPresent((registered) -> {
					Person person = new Person(registered.customerId(), registered.username().value());
					people.put(person.id(), person);
				});
			}
			catch (MalformedEventException ex) {
				// retrying a malformed event can never succeed and would hold back every
				// later one: skip it loudly instead
				logger.log(Level.WARNING, "Skipping malformed CustomerRegistered event {0}: {1}", stored.id(),
						ex.getMessage());
			}
		}
		if (!people.isEmpty()) {
			this.graph.recordPeople(people.values());
		}
	}

}
