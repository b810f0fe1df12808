package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;

/** A customer as the social graph knows it: id and username, nothing private. */
public record Person(CustomerId id, String username) {

	public Person {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
	}

}
