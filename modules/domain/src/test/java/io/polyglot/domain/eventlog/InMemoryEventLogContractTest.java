package io.polyglot.domain.eventlog;

import io.polyglot.domain.support.InMemoryEventLog;

/** The event-log fake passes the same contract as the Cassandra adapter. */
class InMemoryEventLogContractTest extends EventLogContract {

	private final InMemoryEventLog eventLog = new InMemoryEventLog();

	@Override
	protected EventLog eventLog() {
		return this.eventLog;
	}

}
