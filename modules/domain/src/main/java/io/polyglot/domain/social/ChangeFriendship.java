package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.outbox.AfterWriteEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;

/**
 * Adds or removes the caller's friendship with another customer, idempotently, and
 * records FriendshipAdded or FriendshipRemoved on the caller's stream when, and only
 * when, the graph changed.
 * <p>
 * The graph change and its event live in two stores with no transaction spanning them:
 * Neo4j is written first (it decides whether anything changed), then the event in a small
 * PostgreSQL transaction of its own. Should PostgreSQL fail in between, the request
 * answers 503 and the change stands without its event; a retry finds nothing to change
 * and records none.
 */
public final class ChangeFriendship {

	private final SocialGraph graph;

	private final GraphMembership membership;

	private final AfterWriteEvents events;

	public ChangeFriendship(SocialGraph graph, Customers customers, Outbox outbox, Transactions transactions,
			Clock clock) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.membership = new GraphMembership(graph, customers);
		this.events = new AfterWriteEvents(outbox, transactions, clock);
	}

	/**
	 * Makes the caller and the customer friends (both ways); a second call changes
	 * nothing at all.
	 * @throws BusinessRuleException when it is the caller's own id
	 * @throws io.polyglot.domain.shared.NotFoundException when no such customer exists
	 * @throws io.polyglot.domain.shared.ConflictException when either is registered but
	 * not in the graph yet
	 */
	public FriendshipChange add(CustomerId caller, CustomerId friend) {
		requireOther(caller, friend);
		return apply(this.graph.addFriendship(caller, friend), new SocialEvent.FriendshipAdded(caller, friend));
	}

	/**
	 * Ends the friendship of the caller and the customer; a second call, or a call for
	 * someone who is no friend, changes nothing.
	 * @throws BusinessRuleException when it is the caller's own id
	 * @throws io.polyglot.domain.shared.NotFoundException when no such customer exists
	 */
	public FriendshipChange remove(CustomerId caller, CustomerId friend) {
		requireOther(caller, friend);
		return apply(this.graph.removeFriendship(caller, friend), new SocialEvent.FriendshipRemoved(caller, friend));
	}

	private static void requireOther(CustomerId caller, CustomerId friend) {
		if (friend.equals(caller)) {
			throw new BusinessRuleException("You cannot be your own friend.");
		}
	}

	private FriendshipChange apply(FriendshipChange change, SocialEvent event) {
		if (change == FriendshipChange.PERSON_MISSING) {
			throw this.membership.absence(event.friendId(), event.customerId());
		}
		if (change == FriendshipChange.CHANGED) {
			this.events.record(event);
		}
		return change;
	}

}
