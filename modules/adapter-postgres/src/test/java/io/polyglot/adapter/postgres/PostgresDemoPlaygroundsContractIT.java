package io.polyglot.adapter.postgres;

import javax.sql.DataSource;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.CustomerOrdersPlaygroundContract;
import io.polyglot.domain.demo.DemoOutbox;
import io.polyglot.domain.demo.DemoOutboxContract;
import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.FriendGraphPlaygroundContract;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.IntegrityPlaygroundContract;
import io.polyglot.domain.demo.TransferPlayground;
import io.polyglot.domain.demo.TransferPlaygroundContract;
import org.junit.jupiter.api.Nested;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo playground contracts against a real local PostgreSQL, in its {@code demo}
 * schema, with the adapters built as the demo configuration builds them.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresDemoPlaygroundsContractIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	DataSource dataSource;

	PostgresDemoTables tables() {
		return new PostgresDemoTables(new JdbcTemplate(this.dataSource), new JdbcTransactionManager(this.dataSource));
	}

	/** Demo 6's transfer: one transaction. */
	@Nested
	class Transfers extends TransferPlaygroundContract {

		@Override
		protected TransferPlayground playground() {
			return new PostgresTransfers(tables());
		}

	}

	/** Demo 5's graph as a table of friendships and a recursive query. */
	@Nested
	class FriendGraph extends FriendGraphPlaygroundContract {

		@Override
		protected FriendGraphPlayground playground() {
			return new PostgresFriendGraph(tables());
		}

	}

	/** Demo 6's outbox table and its claim. */
	@Nested
	class Outbox extends DemoOutboxContract {

		@Override
		protected DemoOutbox outbox() {
			return new PostgresDemoOutbox(tables());
		}

	}

	/** Demo 1's rows against the demo schema's constraints. */
	@Nested
	class Integrity extends IntegrityPlaygroundContract {

		@Override
		protected IntegrityPlayground playground() {
			return new PostgresIntegrityPlayground(tables());
		}

	}

	/** Demo 2's shop, normalized: four tables and a JOIN. */
	@Nested
	class CustomerOrders extends CustomerOrdersPlaygroundContract {

		@Override
		protected CustomerOrdersPlayground playground() {
			return new PostgresCustomerOrders(tables());
		}

	}

}
