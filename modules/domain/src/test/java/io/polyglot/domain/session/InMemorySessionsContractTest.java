package io.polyglot.domain.session;

import io.polyglot.domain.support.InMemorySessions;

/** The sessions fake passes the same contract as the Redis adapter. */
class InMemorySessionsContractTest extends SessionsContract {

	private final InMemorySessions sessions = new InMemorySessions();

	@Override
	protected Sessions sessions() {
		return this.sessions;
	}

}
