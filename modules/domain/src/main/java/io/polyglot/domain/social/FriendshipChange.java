package io.polyglot.domain.social;

/** What adding or removing a friendship did in the graph. */
public enum FriendshipChange {

	/** The friendship was created or deleted. */
	CHANGED,

	/** It already was (or already was not) there: nothing changed. */
	UNCHANGED,

	/** One of the two people has no node in the graph: nothing changed. */
	PERSON_MISSING

}
