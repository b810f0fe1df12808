package io.polyglot.domain.eventlog;

import io.polyglot.domain.support.InMemoryEventLog;

/** The stream owners contract against the event-log fake. */
class InMemoryStreamOwnersContractTest extends StreamOwnersContract {

	private final InMemoryEventLog log = new InMemoryEventLog();

	@Override
	protected EventLog eventLog() {
		return this.log;
	}

	@Override
	protected StreamOwners owners() {
		return this.log;
	}

}
