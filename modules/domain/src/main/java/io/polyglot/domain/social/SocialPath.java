package io.polyglot.domain.social;

import java.util.List;

/** A shortest chain of friendships, from the first person to the last, both included. */
public record SocialPath(List<Person> people) {

	public SocialPath {
		people = List.copyOf(people);
		if (people.isEmpty()) {
			throw new IllegalArgumentException("a path holds at least one person");
		}
	}

	/** Friendships walked: one fewer than the people on the path. */
	public int hops() {
		return this.people.size() - 1;
	}

}
