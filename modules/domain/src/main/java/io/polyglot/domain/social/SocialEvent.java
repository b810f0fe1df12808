package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;

/**
 * What changes in a customer's friendships, on the stream of the customer who changed it.
 */
public sealed interface SocialEvent extends Event {

	/** The customer who made the change; they own the event. */
	CustomerId customerId();

	/** The other customer of the friendship. */
	CustomerId friendId();

	@Override
	default EventStream stream() {
		return EventStream.customer(customerId().value());
	}

	@Override
	default CustomerId owner() {
		return customerId();
	}

	/** Two customers became friends. */
	record FriendshipAdded(CustomerId customerId, CustomerId friendId) implements SocialEvent {

		public FriendshipAdded {
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(friendId, "friendId");
		}

	}

	/** Two customers stopped being friends. */
	record FriendshipRemoved(CustomerId customerId, CustomerId friendId) implements SocialEvent {

		public FriendshipRemoved {
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(friendId, "friendId");
		}

	}

}
