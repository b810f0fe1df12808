package io.polyglot.domain.social;

/**
 * The people listing of the social-graph fake passes the contract the real graphs pass.
 */
class InMemoryPeopleListingContractTest extends PeopleListingContract {

	private final InMemorySocialGraph graph = new InMemorySocialGraph();

	@Override
	protected SocialGraph graph() {
		return this.graph;
	}

	@Override
	protected PeopleListing listing() {
		return this.graph;
	}

}
