package io.polyglot.domain.social;

import java.util.Objects;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/**
 * The caller's friends, a page at a time. A caller whose node has not arrived yet has no
 * friends, which is exactly what the empty page says.
 */
public final class ListFriends {

	private final SocialGraph graph;

	public ListFriends(SocialGraph graph) {
		this.graph = Objects.requireNonNull(graph, "graph");
	}

	/** One page of the caller's friends. */
	public Page<Person> list(CustomerId caller, PageRequest page) {
		return this.graph.friends(caller, page);
	}

}
