package io.polyglot.domain.social;

import io.polyglot.domain.shared.CustomerId;

/** The social-graph fake passes the same contract as the Neo4j adapter. */
class InMemorySocialGraphContractTest extends SocialGraphContract {

	private final InMemorySocialGraph graph = new InMemorySocialGraph();

	@Override
	protected SocialGraph graph() {
		return this.graph;
	}

	@Override
	protected long storedFriendships(CustomerId one, CustomerId other) {
		return this.graph.storedFriendships(one, other);
	}

	@Override
	protected long storedPeople(CustomerId id) {
		return this.graph.storedPeople(id);
	}

}
