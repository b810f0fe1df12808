package io.polyglot.domain.social;

import java.util.Set;

import io.polyglot.domain.eventlog.EventCodec;
import io.polyglot.domain.social.SocialEvent.FriendshipAdded;
import io.polyglot.domain.social.SocialEvent.FriendshipRemoved;

/** The stored form of {@link SocialEvent}s: the customer and the friend. */
public final class SocialEventCodec implements EventCodec<SocialEvent> {

	private static final String FRIENDSHIP_ADDED = "FriendshipAdded";

	private static final String FRIENDSHIP_REMOVED = "FriendshipRemoved";

	@Override
	public Class<SocialEvent> kind() {
		return SocialEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(FRIENDSHIP_ADDED, FRIENDSHIP_REMOVED);
	}

	@Override
	public String write(SocialEvent event, PayloadWriter out) {
		out.put("customerId", event.customerId()).put("friendId", event.friendId());
		return (event instanceof FriendshipAdded) ? FRIENDSHIP_ADDED : FRIENDSHIP_REMOVED;
	}

	@Override
	public SocialEvent read(PayloadReader in) {
		if (FRIENDSHIP_ADDED.equals(in.type())) {
			return new FriendshipAdded(in.customerId("customerId"), in.customerId("friendId"));
		}
		return new FriendshipRemoved(in.customerId("customerId"), in.customerId("friendId"));
	}

}
