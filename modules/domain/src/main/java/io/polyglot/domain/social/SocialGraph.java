package io.polyglot.domain.social;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * Port to the social graph (Neo4j): people projected from registrations and the symmetric
 * friendships between them. A friendship is stored once per pair; every change is
 * idempotent. Ids order as their canonical (lower-case) UUID text.
 */
public interface SocialGraph {

	/**
	 * Records the people, each by id; recording a person again changes nothing but the
	 * username it carries.
	 */
	void recordPeople(Collection<Person> people);

	/** The person with this id, if the graph has them yet. */
	Optional<Person> person(CustomerId id);

	/** Makes the two friends; {@code UNCHANGED} when they already are. */
	FriendshipChange addFriendship(CustomerId one, CustomerId other);

	/** Ends the two's friendship; {@code UNCHANGED} when there was none. */
	FriendshipChange removeFriendship(CustomerId one, CustomerId other);

	/** The person's friends ordered by id, one page at a time (keyset on the id). */
	Page<Person> friends(CustomerId who, PageRequest page);

	/** The ids of all the person's friends, for compositions with other stores. */
	Set<CustomerId> friendIds(CustomerId who);

	/**
	 * Friends of friends who are neither the person nor already friends, most mutual
	 * friends first, then by id; at most {@code limit}.
	 */
	List<Suggestion> suggestions(CustomerId who, int limit);

	/**
	 * A shortest path of friendships between two different people, if one exists within
	 * {@code maxDepth} hops.
	 */
	Optional<SocialPath> shortestPath(CustomerId from, CustomerId to, PathDepth maxDepth);

}
