package io.polyglot.app.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bank invariant, after Jepsen's bank test: concurrent clients move money between a
 * fixed set of accounts over HTTP while readers take whole-ledger snapshots. Every
 * snapshot must sum to the initial total with no negative balance and a ledger that
 * replays to the balances; afterwards every transfer that got a 201 is in the database
 * exactly once, with its two entries, and there is no other. Runs for a bounded time
 * ({@code -Dbank.seconds}, default 6); the transfer rate is printed, not asserted.
 */
class BankInvariantIT extends WalletTestSupport {

	private static final int ACCOUNTS = 8;

	private static final int WRITERS = 14;

	private static final int READERS = 2;

	private static final BigDecimal INITIAL = new BigDecimal("1000.00");

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void concurrentTransfersNeverCreateOrDestroyMoney() throws Exception {
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < ACCOUNTS; i++) {
			Client client = newClient("bank");
			depositOk(client, INITIAL.toPlainString());
			clients.add(client);
		}
		UUID[] customerIds = clients.stream().map((c) -> UUID.fromString(c.id())).toArray(UUID[]::new);
		BigDecimal total = INITIAL.multiply(BigDecimal.valueOf(ACCOUNTS));
		Duration runFor = Duration.ofSeconds(Long.getLong("bank.seconds", 6));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger snapshots = new AtomicInteger();
		List<String> violations = Collections.synchronizedList(new ArrayList<>());

		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
		long started = System.nanoTime();
		long deadline = started + runFor.toNanos();
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				work.add(pool.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (System.nanoTime() < deadline) {
						Client from = clients.get(random.nextInt(ACCOUNTS));
						Client to = clients.get(random.nextInt(ACCOUNTS));
						if (from == to) {
							continue;
						}
						String amount = BigDecimal.valueOf(random.nextLong(1, 30_000), 2).toPlainString();
						EntityExchangeResult<Map> result = transfer(from, UUID.randomUUID().toString(),
								Map.of("toCustomerId", to.id(), "amount", amount))
							.returnResult(Map.class);
						int status = result.getStatus().value();
						if (status == 201) {
							acknowledged.add((String) result.getResponseBody().get("id"));
						}
						else if (status == 422) {
							refused.incrementAndGet();
						}
						else {
							violations.add("unexpected status " + status + ": " + result.getResponseBody());
						}
					}
				}));
			}
			for (int r = 0; r < READERS; r++) {
				work.add(pool.submit(() -> {
					while (System.nanoTime() < deadline) {
						String violation = snapshotViolation(customerIds, total);
						snapshots.incrementAndGet();
						if (violation != null) {
							violations.add(violation);
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(runFor.toSeconds() + 120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("bank: %d transfers acknowledged (%.0f/s), %d refused for funds, %d snapshots in %.1f s%n",
				acknowledged.size(), acknowledged.size() / seconds, refused.get(), snapshots.get(), seconds);

		assertThat(violations).isEmpty();
		assertThat(snapshots.get()).isPositive();
		assertThat(acknowledged).isNotEmpty();
		assertThat(snapshotViolation(customerIds, total)).isNull();
		assertEveryAcknowledgedTransferIsStoredExactlyOnce(customerIds, acknowledged);
	}

	/**
	 * One whole-ledger read in a single REPEATABLE READ snapshot; null when it holds.
	 */
	private String snapshotViolation(UUID[] customerIds, BigDecimal total) {
		TransactionTemplate snapshot = new TransactionTemplate(this.transactionManager);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		return snapshot.execute((status) -> {
			List<Map<String, Object>> rows = this.jdbc.queryForList("""
					SELECT a.id, a.balance, coalesce(sum(e.amount), 0) AS ledger_sum
					FROM accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
					WHERE a.customer_id = ANY(?::uuid[])
					GROUP BY a.id, a.balance""", (Object) customerIds);
			BigDecimal sum = BigDecimal.ZERO;
			for (Map<String, Object> row : rows) {
				BigDecimal balance = (BigDecimal) row.get("balance");
				if (balance.signum() < 0) {
					return "negative balance " + row;
				}
				if (balance.compareTo((BigDecimal) row.get("ledger_sum")) != 0) {
					return "ledger does not replay to the balance " + row;
				}
				sum = sum.add(balance);
			}
			return (rows.size() == customerIds.length && sum.compareTo(total) == 0) ? null
					: "total " + sum + " over " + rows.size() + " accounts, expected " + total;
		});
	}

	private void assertEveryAcknowledgedTransferIsStoredExactlyOnce(UUID[] customerIds, Set<String> acknowledged) {
		List<Map<String, Object>> stored = this.jdbc.queryForList("""
				SELECT t.id::text AS id, count(e.id) AS entries, coalesce(sum(e.amount), 0) AS entry_sum
				FROM transfers t
				JOIN accounts a ON a.id = t.from_account_id
				LEFT JOIN ledger_entries e ON e.reference = t.id
				WHERE a.customer_id = ANY(?::uuid[])
				GROUP BY t.id""", (Object) customerIds);
		Set<String> storedIds = new HashSet<>();
		for (Map<String, Object> row : stored) {
			assertThat(storedIds.add((String) row.get("id"))).as("transfer stored once").isTrue();
			assertThat(row.get("entries")).as("two entries for %s", row).isEqualTo(2L);
			assertThat((BigDecimal) row.get("entry_sum")).as("entries sum to zero").isEqualByComparingTo("0");
		}
		assertThat(storedIds).isEqualTo(acknowledged);
		// each entry's balance-after continues from the previous one of its account
		List<Map<String, Object>> broken = this.jdbc.queryForList("""
				SELECT * FROM (
				    SELECT e.seq, e.account_id, e.amount, e.balance_after,
				           lag(e.balance_after, 1, 0::numeric) OVER (PARTITION BY e.account_id ORDER BY e.seq) AS before
				    FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
				    WHERE a.customer_id = ANY(?::uuid[])) chain
				WHERE before + amount <> balance_after""", (Object) customerIds);
		assertThat(broken).isEmpty();
	}

}
