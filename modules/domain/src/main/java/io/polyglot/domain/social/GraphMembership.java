package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * Explains why a person is missing from the graph, asking PostgreSQL (the system of
 * record) only then: a registered customer whose node the relay has not delivered yet is
 * a conflict worth retrying (409), anyone else does not exist (404).
 */
final class GraphMembership {

	private final SocialGraph graph;

	private final Customers customers;

	GraphMembership(SocialGraph graph, Customers customers) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.customers = Objects.requireNonNull(customers, "customers");
	}

	/**
	 * Throws for the first of the people, in the given order, who has no node; unknown
	 * customers are reported before pending ones.
	 */
	RuntimeException absence(CustomerId... people) {
		@Nullable CustomerId pending = null;
		for (CustomerId id : people) {
			if (this.graph.person(id).isPresent()) {
				continue;
			}
			if (this.customers.byId(id).isEmpty()) {
				return new NotFoundException("No customer " + id + ".");
			}
			if (pending == null) {
				pending = id;
			}
		}
		if (pending != null) {
			return notYetProjected(pending);
		}
		// the node arrived between the change and this check: retrying will work
		return new ConflictException("The social graph was still catching up; retry shortly.");
	}

	static ConflictException notYetProjected(CustomerId id) {
		return new ConflictException(
				"Customer " + id + " is registered but not in the social graph yet; retry shortly.");
	}

}
