package io.polyglot.domain.demo;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.support.InMemoryCustomerOrders;
import io.polyglot.domain.support.InMemoryDemoEventLog;
import io.polyglot.domain.support.InMemoryDemoOutbox;
import io.polyglot.domain.support.InMemoryFriendGraph;
import io.polyglot.domain.support.InMemoryIntegrity;
import io.polyglot.domain.support.InMemoryPartitions;
import io.polyglot.domain.support.InMemorySessionPlayground;
import io.polyglot.domain.support.InMemoryTransfers;
import org.junit.jupiter.api.Nested;

/** The demo playground contracts against the in-memory fakes. */
class InMemoryDemoPlaygroundsContractTest {

	/** A fake whose transfer is one transaction. */
	@Nested
	class TransactionalTransfers extends TransferPlaygroundContract {

		private final InMemoryTransfers playground = new InMemoryTransfers(true);

		@Override
		protected TransferPlayground playground() {
			return this.playground;
		}

	}

	/** A fake whose transfer is two separate writes. */
	@Nested
	class TwoWriteTransfers extends TransferPlaygroundContract {

		private final InMemoryTransfers playground = new InMemoryTransfers(false);

		@Override
		protected TransferPlayground playground() {
			return this.playground;
		}

	}

	/** The friendship graph fake. */
	@Nested
	class FriendGraph extends FriendGraphPlaygroundContract {

		private final InMemoryFriendGraph playground = new InMemoryFriendGraph();

		@Override
		protected FriendGraphPlayground playground() {
			return this.playground;
		}

	}

	/** The demo outbox fake. */
	@Nested
	class Outbox extends DemoOutboxContract {

		private final InMemoryDemoOutbox outbox = new InMemoryDemoOutbox();

		@Override
		protected DemoOutbox outbox() {
			return this.outbox;
		}

	}

	/** The demo event log fake. */
	@Nested
	class EventLog extends DemoEventLogContract {

		private final InMemoryDemoEventLog eventLog = new InMemoryDemoEventLog();

		@Override
		protected DemoEventLog eventLog() {
			return this.eventLog;
		}

	}

	/** The integrity fake, which checks every rule a relational schema declares. */
	@Nested
	class Integrity extends IntegrityPlaygroundContract {

		private final InMemoryIntegrity playground = new InMemoryIntegrity();

		@Override
		protected IntegrityPlayground playground() {
			return this.playground;
		}

	}

	/** The normalized shop fake. */
	@Nested
	class CustomerOrders extends CustomerOrdersPlaygroundContract {

		private final InMemoryCustomerOrders playground = new InMemoryCustomerOrders();

		@Override
		protected CustomerOrdersPlayground playground() {
			return this.playground;
		}

	}

	/** The expiring sessions fake. */
	@Nested
	class Sessions extends SessionPlaygroundContract {

		private final InMemorySessionPlayground playground = new InMemorySessionPlayground(Clock.system());

		@Override
		protected SessionPlayground playground() {
			return this.playground;
		}

	}

	/** The partitioned event counts fake. */
	@Nested
	class Partitions extends PartitionPlaygroundContract {

		private final InMemoryPartitions playground = new InMemoryPartitions();

		@Override
		protected PartitionPlayground playground() {
			return this.playground;
		}

	}

}
