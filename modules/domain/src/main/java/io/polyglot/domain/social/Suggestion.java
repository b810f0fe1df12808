package io.polyglot.domain.social;

import java.util.Objects;

/** A friend of a friend, with how many friends the caller and they have in common. */
public record Suggestion(Person person, int mutualFriends) {

	public Suggestion {
		Objects.requireNonNull(person, "person");
		if (mutualFriends < 1) {
			throw new IllegalArgumentException("a suggestion has at least one mutual friend");
		}
	}

}
