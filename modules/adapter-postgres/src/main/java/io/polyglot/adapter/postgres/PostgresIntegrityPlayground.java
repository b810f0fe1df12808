package io.polyglot.adapter.postgres;

import java.util.Map;

import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.Played;
import io.polyglot.domain.demo.TextTable;

/**
 * Demo 1 in PostgreSQL: the lessons' customers and orders tables with PRIMARY KEY,
 * UNIQUE, FOREIGN KEY and CHECK constraints, so the engine itself refuses the bad rows.
 */
final class PostgresIntegrityPlayground implements IntegrityPlayground {

	static final String CREATE_CUSTOMERS = """
			CREATE TABLE demo.customers (
			    id    bigint       PRIMARY KEY,
			    name  varchar(120) NOT NULL,
			    email varchar(180) NOT NULL UNIQUE
			)""";

	static final String CREATE_ORDERS = """
			CREATE TABLE demo.orders (
			    id          bigint        PRIMARY KEY,
			    customer_id bigint        NOT NULL REFERENCES demo.customers(id),
			    total       numeric(10,2) NOT NULL CHECK (total >= 0),
			    status      varchar(20)   NOT NULL DEFAULT 'PENDING'
			)""";

	static final String INSERT_CUSTOMER = "INSERT INTO demo.customers (id, name, email) VALUES (?, ?, ?)";

	static final String INSERT_ORDER = "INSERT INTO demo.orders (id, customer_id, total) VALUES (?, ?, ?)";

	private static final String STORE = PostgresCalls.STORE;

	private final PostgresDemoTables tables;

	PostgresIntegrityPlayground(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public Played tryRows() {
		return PostgresCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			this.tables.ensure("demo.orders", () -> {
				this.tables.jdbc.execute(CREATE_CUSTOMERS);
				this.tables.jdbc.execute(CREATE_ORDERS);
			});
			steps.run(STORE, "TRUNCATE demo.orders, demo.customers", Map.of(), () -> {
				this.tables.jdbc.execute("TRUNCATE demo.orders, demo.customers");
				return null;
			}, (none) -> "tables emptied (schema: " + CREATE_CUSTOMERS.replaceAll("\\s+", " ") + "; "
					+ CREATE_ORDERS.replaceAll("\\s+", " ") + ")");
			int accepted = 0;
			int refused = 0;
			int badRefused = 0;
			for (DemoShop.Attempt attempt : DemoShop.INTEGRITY_ATTEMPTS) {
				boolean ok;
				if (attempt.isCustomer()) {
					ok = steps.attempt(STORE, INSERT_CUSTOMER,
							PostgresDemoTables.params("id", attempt.id(), "name", attempt.name(), "email",
									attempt.email()),
							() -> this.tables.jdbc.update(INSERT_CUSTOMER, attempt.id(), attempt.name(),
									attempt.email()) + " row inserted" + label(attempt),
							PostgresDemoTables::refusal);
				}
				else {
					ok = steps.attempt(STORE, INSERT_ORDER,
							PostgresDemoTables.params("id", attempt.id(), "customer_id", attempt.customerId(), "total",
									attempt.total()),
							() -> this.tables.jdbc.update(INSERT_ORDER, attempt.id(), attempt.customerId(),
									attempt.total()) + " row inserted" + label(attempt),
							PostgresDemoTables::refusal);
				}
				accepted += ok ? 1 : 0;
				refused += ok ? 0 : 1;
				badRefused += (!ok && attempt.bad()) ? 1 : 0;
			}
			String count = "SELECT (SELECT count(*) FROM demo.customers) AS customers, "
					+ "(SELECT count(*) FROM demo.orders) AS orders";
			steps.run(STORE, count, Map.of(), () -> this.tables.rows(count), (rows) -> TextTable.of(rows, 5));
			long bad = DemoShop.INTEGRITY_ATTEMPTS.stream().filter(DemoShop.Attempt::bad).count();
			return steps.finding("accepted", accepted)
				.finding("refused", refused)
				.finding("badRowsRefused", badRefused)
				.finding("badRowsAccepted", bad - badRefused)
				.played();
		});
	}

	private static String label(DemoShop.Attempt attempt) {
		return attempt.bad() ? " — accepted although it is a " + attempt.rule() : "";
	}

	@Override
	public void reset() {
		this.tables.drop("demo.orders", "demo.customers");
	}

}
