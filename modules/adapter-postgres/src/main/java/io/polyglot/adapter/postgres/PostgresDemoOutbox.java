package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.demo.DemoOutbox;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.Played;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Demo 6's outbox in PostgreSQL: the transfer's two updates and its event row commit in
 * one transaction; the demo relay claims undelivered rows and marks them delivered.
 */
final class PostgresDemoOutbox implements DemoOutbox {

	private static final String STORE = PostgresCalls.STORE;

	static final String DEBIT = "UPDATE demo.outbox_accounts SET balance_cents = balance_cents - ? WHERE id = ?";

	static final String CREDIT = "UPDATE demo.outbox_accounts SET balance_cents = balance_cents + ? WHERE id = ?";

	static final String INSERT_EVENT = "INSERT INTO demo.outbox (id, stream, type, payload) VALUES (?, ?, ?, ?)";

	static final String CLAIM = "SELECT id, stream, type, payload FROM demo.outbox WHERE delivered_at IS NULL "
			+ "ORDER BY created_at LIMIT ?";

	static final String MARK = "UPDATE demo.outbox SET delivered_at = clock_timestamp() WHERE id = ANY(?)";

	private final PostgresDemoTables tables;

	PostgresDemoOutbox(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return STORE;
	}

	private void ensureTables() {
		this.tables.ensure("demo.outbox", () -> {
			this.tables.jdbc
				.execute("CREATE TABLE demo.outbox_accounts (id int PRIMARY KEY, balance_cents bigint NOT NULL)");
			this.tables.jdbc.execute("INSERT INTO demo.outbox_accounts VALUES (1, 10000000), (2, 10000000)");
			this.tables.jdbc.execute("CREATE TABLE demo.outbox (id uuid PRIMARY KEY, stream text NOT NULL, "
					+ "type text NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT "
					+ "clock_timestamp(), delivered_at timestamptz)");
		});
	}

	@Override
	public Played commitTransfer(UUID eventId) {
		return PostgresCalls.call(() -> {
			ensureTables();
			DemoSteps steps = new DemoSteps();
			String payload = "{\"from\":1,\"to\":2,\"amount\":\"1.00\"}";
			long begin = System.nanoTime();
			TransactionStatus transaction = this.tables.transactionManager
				.getTransaction(new DefaultTransactionDefinition());
			steps.add(STORE, "BEGIN", PostgresDemoTables.params(), "transaction started", DemoSteps.millisSince(begin));
			try {
				steps.run(STORE, DEBIT, PostgresDemoTables.params("cents", 100, "id", 1),
						() -> this.tables.jdbc.update(DEBIT, 100, 1), (n) -> n + " row updated");
				steps.run(STORE, CREDIT, PostgresDemoTables.params("cents", 100, "id", 2),
						() -> this.tables.jdbc.update(CREDIT, 100, 2), (n) -> n + " row updated");
				steps.run(STORE, INSERT_EVENT,
						PostgresDemoTables.params("id", eventId, "stream", "account:demo-1", "type", "MoneyTransferred",
								"payload", payload),
						() -> this.tables.jdbc.update(INSERT_EVENT, eventId, "account:demo-1", "MoneyTransferred",
								payload),
						(n) -> n + " outbox row inserted");
			}
			catch (RuntimeException ex) {
				this.tables.transactionManager.rollback(transaction);
				throw ex;
			}
			long commit = System.nanoTime();
			this.tables.transactionManager.commit(transaction);
			steps.add(STORE, "COMMIT", PostgresDemoTables.params(),
					"transfer and event durable together: both or neither", DemoSteps.millisSince(commit));
			return steps.played();
		});
	}

	@Override
	public Claim claim(int max) {
		return PostgresCalls.call(() -> {
			ensureTables();
			DemoSteps steps = new DemoSteps();
			List<RelayedEvent> events = steps.run(STORE, CLAIM, PostgresDemoTables.params("limit", max),
					() -> this.tables.jdbc.query(CLAIM,
							(row, n) -> new RelayedEvent(row.getObject("id", UUID.class), row.getString("stream"),
									row.getString("type"), row.getString("payload")),
							max),
					(list) -> list.size() + " undelivered event(s) claimed");
			return new Claim(steps.played(), events);
		});
	}

	@Override
	public Played markDelivered(List<UUID> eventIds) {
		return PostgresCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			steps.run(STORE, MARK, PostgresDemoTables.params("ids", eventIds.size() + " id(s)"),
					() -> this.tables.jdbc.update(MARK,
							(statement) -> statement.setArray(1,
									statement.getConnection().createArrayOf("uuid", eventIds.toArray()))),
					(n) -> n + " row(s) marked delivered");
			return steps.played();
		});
	}

	@Override
	public void reset() {
		this.tables.drop("demo.outbox", "demo.outbox_accounts");
	}

}
