package io.polyglot.bench.workloads;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.polyglot.adapter.cassandra.CassandraEventLog;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.baseline.Sql;
import io.polyglot.bench.baseline.Pgbench;
import io.polyglot.bench.baseline.TpcbLike;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.account.TransferMoney;
import io.polyglot.domain.order.StockProjection;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.social.PersonProjection;

/**
 * Transfers (PostgreSQL): the wallet's ACID transfer through the domain use case and the
 * PostgreSQL adapter (port: row locks in id order, two balance updates, the transfer, two
 * ledger entries, two outbox events with their delivery rows) and the same statements as
 * hand-written JDBC (raw), over few (10) and many (10,000) accounts at a sweep of client
 * counts, beside pgbench's TPC-B-like transaction on the same server (baseline: a
 * different but standard write transaction, for scale). The relay draining the outbox
 * into Cassandra is {@link OutboxWorkload}.
 */
public final class TransfersWorkload implements Workload {

	private static final Money ONE_EURO = Money.parse("1.00", "EUR");

	static final List<String> CONSUMERS = List.of(CassandraEventLog.CONSUMER_NAME, PersonProjection.NAME,
			StockProjection.NAME);

	@Override
	public String concern() {
		return "transfers";
	}

	@Override
	public String store() {
		return "postgres";
	}

	@Override
	public Set<String> needs() {
		return Set.of("postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		DataSource dataSource = stores.postgres();
		PostgresPorts.migrate(dataSource);
		Sql sql = new Sql(dataSource);
		Transactions transactions = PostgresPorts.transactions(dataSource);
		TransferMoney wallet = new TransferMoney(PostgresPorts.accounts(dataSource), transactions,
				PostgresPorts.outbox(dataSource, CONSUMERS), Clock.system(),
				new Amounts("EUR", Money.parse("1000000.00", "EUR")));
		String pgLabel = stores.implementations().get("postgres");
		Set<Integer> sweep = new LinkedHashSet<>(context.settings().clients());
		sweep.addAll(context.settings().quick() ? List.of(1, 32) : List.of(1, 2, 4, 8, 16, 32, 64));
		List<Integer> clients = sweep.stream().sorted().toList();

		Pgbench pgbench = Pgbench.find(stores.postgresUrl(), stores.postgresUser(), stores.postgresPassword())
			.orElse(null);
		String pgbenchVersion = (pgbench != null) ? Pgbench.label(pgbench.version()) : "";

		// the same ten transfers through both must leave the same balances
		List<CustomerId> checkPort = customers(sql, 10);
		List<CustomerId> checkRaw = customers(sql, 10);
		context.check("transfer", Equivalence.targets("port", (Equivalence.Answer) (i) -> {
			wallet.transfer(checkPort.get(i % 10),
					new TransferMoney.Command(checkPort.get((i * 3 + 1) % 10), Money.parse((i + 1) + ".00", "EUR")));
			return balances(sql, checkPort);
		}, "raw", (Equivalence.Answer) (i) -> {
			rawTransfer(sql, checkRaw.get(i % 10), checkRaw.get((i * 3 + 1) % 10), new BigDecimal((i + 1) + ".00"));
			return balances(sql, checkRaw);
		}));

		for (int accounts : List.of(10, 10_000)) {
			String label = (accounts == 10) ? "few" : "many";
			List<CustomerId> portCustomers = customers(sql, accounts);
			List<CustomerId> rawCustomers = customers(sql, accounts);
			context.measure(concern(), "transfer-" + label, "port", pgLabel, accounts, clients, (op) -> {
				int[] pair = pair(accounts);
				wallet.transfer(portCustomers.get(pair[0]),
						new TransferMoney.Command(portCustomers.get(pair[1]), ONE_EURO));
			});
			context.measure(concern(), "transfer-" + label, "raw", pgLabel, accounts, clients, (op) -> {
				int[] pair = pair(accounts);
				rawTransfer(sql, rawCustomers.get(pair[0]), rawCustomers.get(pair[1]), BigDecimal.ONE);
			});
			// pgbench scale: one branch for "few" (every transaction on one hot row), ten
			// for "many"
			TpcbLike tpcb = new TpcbLike(sql, (accounts == 10) ? 1 : 10, 10_000).load();
			context.measure(concern(), "tpcb-" + label, "baseline", pgLabel + " pgbench-like", accounts, clients,
					(op) -> tpcb.transaction());
			if (pgbench != null) {
				// the port's own statements, sent by pgbench: what the adapter could
				// reach
				// with no JVM, pool or domain code in between
				Path script = portTransferScript(sql, customers(sql, accounts));
				for (int c : clients) {
					context.add(pgbench.measure(concern(), "transfer-" + label, "pgbench-same-sql",
							pgLabel + " " + pgbenchVersion, accounts, c, context.settings().warmUp(),
							context.settings().measure(), script, List.of("n=" + accounts)));
				}
				Files.deleteIfExists(script);
			}
		}
		if (pgbench != null) {
			pgbench.initialize(1);
			for (int c : clients) {
				context.add(pgbench.measure(concern(), "tpcb-pgbench", "baseline", pgLabel + " " + pgbenchVersion,
						100_000, c, context.settings().warmUp(), context.settings().measure(), null, List.of()));
			}
		}
		else {
			context.note("transfers: no pgbench binary on this machine (Debian: postgresql-client or postgresql-15): "
					+ "the pgbench rows are skipped.");
		}
		context.note("transfers: port/raw is the domain use case plus adapter against the same SQL by hand; "
				+ "the TPC-B-like rows are pgbench's standard transaction on the same server, a scale reference, "
				+ "not the same question (no equivalence check applies to them). PostgreSQL here is the "
				+ "test-mode local store unless --spring.datasource.url points elsewhere.");
	}

	private static int[] pair(int accounts) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int from = random.nextInt(accounts);
		int to = random.nextInt(accounts - 1);
		return new int[] { from, (to >= from) ? to + 1 : to };
	}

	/**
	 * Registers customers with one funded account each, straight in SQL (setup, not
	 * measured).
	 */
	static List<CustomerId> customers(Sql sql, int count) {
		List<CustomerId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(CustomerId.random());
		}
		String[] text = ids.stream().map(CustomerId::toString).toArray(String[]::new);
		sql.update("""
				INSERT INTO customers (id, username, email, password_hash, roles, created_at)
				SELECT id::uuid, 'b' || replace(left(id, 18), '-', ''), 'b' || replace(id, '-', '') || '@bench.example',
				       'not-a-hash', 'CUSTOMER', now()
				FROM unnest(?::text[]) AS id""", (Object) text);
		sql.update("""
				INSERT INTO accounts (id, customer_id, balance, currency, created_at)
				SELECT gen_random_uuid(), id::uuid, 1000000.00, 'EUR', now() FROM unnest(?::text[]) AS id""",
				(Object) text);
		return ids;
	}

	private static List<String> balances(Sql sql, List<CustomerId> customers) {
		List<String> balances = new ArrayList<>();
		for (CustomerId customer : customers) {
			balances.add(sql.query("SELECT balance FROM accounts WHERE customer_id = ?",
					(row) -> row.getBigDecimal(1).toPlainString(), customer.value())
				.get(0));
		}
		return balances;
	}

	/**
	 * A pgbench script sending, in one transaction, the statements the port sends for a
	 * transfer (JdbcAccounts LOCK, INSERT_TRANSFER and POST twice, PostgresOutbox
	 * INSERT_EVENT_AND_DELIVERIES twice) between two random accounts of a numbered map.
	 * Differences, none of them a round trip: ids are looked up in the map by subquery,
	 * the new balance is computed in SQL instead of in Java, and ids are made in SQL.
	 */
	static Path portTransferScript(Sql sql, List<CustomerId> customers) throws IOException {
		sql.update("DROP TABLE IF EXISTS bench_pgbench_map");
		sql.update(
				"CREATE TABLE bench_pgbench_map (n int PRIMARY KEY, account_id uuid NOT NULL, customer_id uuid NOT NULL)");
		sql.update("""
				INSERT INTO bench_pgbench_map (n, account_id, customer_id)
				SELECT row_number() OVER (ORDER BY a.customer_id), a.id, a.customer_id
				FROM accounts a WHERE a.customer_id = ANY(?::uuid[])""",
				(Object) customers.stream().map(CustomerId::toString).toArray(String[]::new));
		String consumers = CONSUMERS.stream().map((c) -> "'" + c + "'").collect(Collectors.joining(", "));
		String event = """
				WITH event AS (
				    INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
				    VALUES (gen_random_uuid(), 'account:' || (SELECT account_id FROM bench_pgbench_map WHERE n = :%1$s),
				        'MoneyTransferred', (SELECT customer_id FROM bench_pgbench_map WHERE n = :%1$s), now(),
				        jsonb_object(ARRAY['amount', 'currency', 'direction', 'transferId'],
				                     ARRAY['1.00', 'EUR', '%2$s', md5(:tid::text)::uuid::text]))
				    RETURNING position)
				INSERT INTO outbox_delivery (position, consumer, next_attempt_at)
				SELECT event.position, consumer, now() FROM event, unnest(ARRAY[%3$s]) AS consumer;
				""";
		String post = """
				WITH account AS (UPDATE accounts SET balance = balance %2$s 1
				    WHERE id = (SELECT account_id FROM bench_pgbench_map WHERE n = :%1$s) RETURNING id, balance)
				INSERT INTO ledger_entries (id, account_id, amount, balance_after, kind, reference, created_at)
				SELECT gen_random_uuid(), account.id, %2$s1, account.balance, '%3$s', md5(:tid::text)::uuid, now() FROM account;
				""";
		String script = """
				\\set a random(1, :n)
				\\set b random(1, :n - 1)
				\\if :b >= :a
				\\set b :b + 1
				\\endif
				\\set tid random(1, 9000000000000000000)
				BEGIN;
				SELECT id, customer_id, balance, currency FROM accounts
				WHERE customer_id = ANY(ARRAY[(SELECT customer_id FROM bench_pgbench_map WHERE n = :a),
				                              (SELECT customer_id FROM bench_pgbench_map WHERE n = :b)])
				ORDER BY id FOR UPDATE;
				INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, created_at)
				VALUES (md5(:tid::text)::uuid, (SELECT account_id FROM bench_pgbench_map WHERE n = :a),
				        (SELECT account_id FROM bench_pgbench_map WHERE n = :b), 1.00, 'EUR', now());
				""" + post.formatted("a", "-", "TRANSFER_OUT") + post.formatted("b", "+", "TRANSFER_IN")
				+ event.formatted("a", "OUT", consumers) + event.formatted("b", "IN", consumers) + "COMMIT;\n";
		// pgbench reads one statement per line unless it ends in a semicolon: join lines
		String oneLinePerStatement = Arrays.stream(script.split(";\n"))
			.map((statement) -> statement.startsWith("\\") ? statement : statement.replace('\n', ' '))
			.collect(Collectors.joining(";\n")) + "\n";
		Path file = Files.createTempFile("polyglot-transfer", ".pgbench");
		Files.writeString(file, oneLinePerStatement);
		return file;
	}

	/**
	 * The wallet's transfer written by hand: lock both accounts in id order, check funds,
	 * update both balances, record the transfer and both ledger entries, and write the
	 * two events and their delivery rows to the outbox, in one transaction.
	 */
	static void rawTransfer(Sql sql, CustomerId from, CustomerId to, BigDecimal amount) {
		sql.inTransaction((connection) -> {
			List<Object[]> locked = Sql.query(connection,
					"SELECT id, customer_id, balance FROM accounts WHERE customer_id = ANY(?::uuid[]) ORDER BY id FOR UPDATE",
					(row) -> new Object[] { row.getObject(1, UUID.class), row.getObject(2, UUID.class),
							row.getBigDecimal(3) },
					(Object) new String[] { from.toString(), to.toString() });
			Object[] source = locked.stream().filter((r) -> r[1].equals(from.value())).findFirst().orElseThrow();
			Object[] target = locked.stream().filter((r) -> r[1].equals(to.value())).findFirst().orElseThrow();
			BigDecimal sourceAfter = ((BigDecimal) source[2]).subtract(amount);
			if (sourceAfter.signum() < 0) {
				throw new IllegalStateException("insufficient funds");
			}
			BigDecimal targetAfter = ((BigDecimal) target[2]).add(amount);
			UUID transfer = UUID.randomUUID();
			Timestamp now = Timestamp.from(Instant.now());
			Sql.update(connection,
					"INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, created_at) VALUES (?, ?, ?, ?, 'EUR', ?)",
					transfer, source[0], target[0], amount, now);
			Sql.update(connection, "UPDATE accounts SET balance = ? WHERE id = ?", sourceAfter, source[0]);
			Sql.update(connection,
					"INSERT INTO ledger_entries (id, account_id, amount, balance_after, kind, reference, "
							+ "created_at) VALUES (?, ?, ?, ?, 'TRANSFER_OUT', ?, ?)",
					UUID.randomUUID(), source[0], amount.negate(), sourceAfter, transfer, now);
			Sql.update(connection, "UPDATE accounts SET balance = ? WHERE id = ?", targetAfter, target[0]);
			Sql.update(connection,
					"INSERT INTO ledger_entries (id, account_id, amount, balance_after, kind, reference, "
							+ "created_at) VALUES (?, ?, ?, ?, 'TRANSFER_IN', ?, ?)",
					UUID.randomUUID(), target[0], amount, targetAfter, transfer, now);
			for (Object[] account : List.of(source, target)) {
				Long position = Sql
					.query(connection,
							"""
									INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
									VALUES (?, ?, 'MoneyTransferred', ?, ?, jsonb_build_object('transferId', ?::text, 'amount', ?::text,
									        'currency', 'EUR'))
									RETURNING position""",
							(row) -> row.getLong(1), UUID.randomUUID(), "account:" + account[0], account[1], now,
							transfer.toString(), amount.toPlainString())
					.get(0);
				Sql.update(connection,
						"INSERT INTO outbox_delivery (position, consumer, next_attempt_at) SELECT ?, c, ? FROM unnest(?::text[]) AS c",
						position, now, CONSUMERS.toArray(String[]::new));
			}
			return null;
		});
	}

}
