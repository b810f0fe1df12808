package io.polyglot.bench.baseline;

import java.util.concurrent.ThreadLocalRandom;

/**
 * pgbench's built-in TPC-B-like transaction through JDBC, on the same server as the
 * wallet: update an account, read its balance, update its teller and branch, append to
 * history, all in one transaction. {@code branches} is pgbench's scale factor: with one
 * branch every transaction updates the same row (pgbench's worst case for contention).
 */
public final class TpcbLike {

	private static final int TELLERS_PER_BRANCH = 10;

	private final Sql sql;

	private final int branches;

	private final int accountsPerBranch;

	public TpcbLike(Sql sql, int branches, int accountsPerBranch) {
		this.sql = sql;
		this.branches = branches;
		this.accountsPerBranch = accountsPerBranch;
	}

	/** pgbench -i, schema and data, under table prefix {@code pgbench_<branches>}. */
	public TpcbLike load() {
		String p = prefix();
		this.sql.execute(
				"DROP TABLE IF EXISTS " + p + "_history, " + p + "_accounts, " + p + "_tellers, " + p + "_branches",
				"CREATE TABLE " + p + "_branches (bid int PRIMARY KEY, bbalance int NOT NULL, filler char(88))",
				"CREATE TABLE " + p
						+ "_tellers (tid int PRIMARY KEY, bid int NOT NULL, tbalance int NOT NULL, filler char(84))",
				"CREATE TABLE " + p
						+ "_accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84))",
				"CREATE TABLE " + p
						+ "_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
				"INSERT INTO " + p + "_branches SELECT b, 0 FROM generate_series(1, " + this.branches + ") b",
				"INSERT INTO " + p + "_tellers SELECT t, (t - 1) / " + TELLERS_PER_BRANCH
						+ " + 1, 0 FROM generate_series(1, " + this.branches * TELLERS_PER_BRANCH + ") t",
				"INSERT INTO " + p + "_accounts SELECT a, (a - 1) / " + this.accountsPerBranch
						+ " + 1, 0 FROM generate_series(1, " + (long) this.branches * this.accountsPerBranch + ") a",
				"VACUUM ANALYZE " + p + "_accounts");
		return this;
	}

	private String prefix() {
		return "pgbench_" + this.branches;
	}

	/** One TPC-B-like transaction with random account, teller, branch and delta. */
	public void transaction() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int aid = 1 + random.nextInt(this.branches * this.accountsPerBranch);
		int bid = 1 + random.nextInt(this.branches);
		int tid = 1 + random.nextInt(this.branches * TELLERS_PER_BRANCH);
		int delta = random.nextInt(-5000, 5001);
		String p = prefix();
		this.sql.inTransaction((connection) -> {
			Sql.update(connection, "UPDATE " + p + "_accounts SET abalance = abalance + ? WHERE aid = ?", delta, aid);
			Sql.query(connection, "SELECT abalance FROM " + p + "_accounts WHERE aid = ?", (row) -> row.getInt(1), aid);
			Sql.update(connection, "UPDATE " + p + "_tellers SET tbalance = tbalance + ? WHERE tid = ?", delta, tid);
			Sql.update(connection, "UPDATE " + p + "_branches SET bbalance = bbalance + ? WHERE bid = ?", delta, bid);
			Sql.update(connection,
					"INSERT INTO " + p
							+ "_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
					tid, bid, aid, delta);
			return null;
		});
	}

}
