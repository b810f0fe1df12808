package io.polyglot.adapter.postgres;

import java.util.List;

import io.polyglot.domain.demo.TransferPlayground;

/**
 * Demo 6 in PostgreSQL: a transfer is one transaction that locks both accounts in id
 * order, so a failure between debit and credit rolls the debit back and concurrent
 * transfers cannot overwrite each other.
 */
final class PostgresTransfers implements TransferPlayground {

	static final String LOCK = "SELECT id, balance_cents FROM demo.bank_accounts WHERE id IN (?, ?) ORDER BY id "
			+ "FOR UPDATE";

	static final String DEBIT = "UPDATE demo.bank_accounts SET balance_cents = balance_cents - ? WHERE id = ?";

	static final String CREDIT = "UPDATE demo.bank_accounts SET balance_cents = balance_cents + ? WHERE id = ?";

	private final PostgresDemoTables tables;

	PostgresTransfers(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return PostgresCalls.STORE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public List<String> statements() {
		return List.of("BEGIN", LOCK, DEBIT, "-- a failure may be injected here: ROLLBACK undoes the debit", CREDIT,
				"COMMIT");
	}

	@Override
	public void open(int accounts, long cents) {
		PostgresCalls.call(() -> {
			this.tables.ensure("demo.bank_accounts", () -> this.tables.jdbc
				.execute("CREATE TABLE demo.bank_accounts (id int PRIMARY KEY, balance_cents bigint NOT NULL)"));
			this.tables.transactions.executeWithoutResult((status) -> {
				this.tables.jdbc.execute("DELETE FROM demo.bank_accounts");
				this.tables.jdbc.update("INSERT INTO demo.bank_accounts SELECT g, ? FROM generate_series(1, ?) g",
						cents, accounts);
			});
			return null;
		});
	}

	@Override
	public void transfer(int from, int to, long cents, Runnable betweenDebitAndCredit) {
		PostgresCalls.call(() -> {
			this.tables.transactions.executeWithoutResult((status) -> {
				this.tables.jdbc.queryForList(LOCK, from, to);
				this.tables.jdbc.update(DEBIT, cents, from);
				betweenDebitAndCredit.run();
				this.tables.jdbc.update(CREDIT, cents, to);
			});
			return null;
		});
	}

	@Override
	public long total() {
		return PostgresCalls.call(() -> {
			Long total = this.tables.jdbc
				.queryForObject("SELECT coalesce(sum(balance_cents), 0) FROM " + "demo.bank_accounts", Long.class);
			return (total != null) ? total : 0L;
		});
	}

	@Override
	public void reset() {
		this.tables.drop("demo.bank_accounts");
	}

}
