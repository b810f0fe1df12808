package io.polyglot.domain.outbox;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryOutbox;

/** The outbox fake passes the same contract as the PostgreSQL adapter. */
class InMemoryOutboxContractTest extends OutboxContract {

	private InMemoryOutbox outbox;

	@Override
	protected Ports ports(List<String> consumers) {
		this.outbox = new InMemoryOutbox(consumers.toArray(String[]::new));
		return new Ports(this.outbox, this.outbox);
	}

	@Override
	protected Transactions transactions() {
		return new DirectTransactions();
	}

	@Override
	protected boolean holds(UUID eventId) {
		return this.outbox.holds(eventId);
	}

}
