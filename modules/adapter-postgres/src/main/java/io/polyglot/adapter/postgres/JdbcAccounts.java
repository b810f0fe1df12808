package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.AccountId;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.account.LedgerEntry;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.account.Transfer;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wallet accounts and the ledger in PostgreSQL, in plain SQL: the locks (SELECT ... FOR
 * UPDATE in account-id order) and the balance updates are the point of this class, so
 * they are spelled out rather than left to an ORM.
 */
final class JdbcAccounts implements Accounts {

	private static final String BY_CUSTOMER = "SELECT id, customer_id, balance, currency FROM accounts WHERE customer_id = ?";

	// ORDER BY before FOR UPDATE: PostgreSQL locks rows as the sorted result is produced,
	// so every transaction takes its locks in the same (account id) order
	private static final String LOCK = """
			SELECT id, customer_id, balance, currency FROM accounts
			WHERE customer_id = ANY(?::uuid[])
			ORDER BY id
			FOR UPDATE""";

	// the balance and its ledger entry in one statement (one round trip per posting): the
	// entry is inserted only if the account row was updated, so "no row" means no account
	private static final String POST = """
			WITH account AS (UPDATE accounts SET balance = ? WHERE id = ? RETURNING id)
			INSERT INTO ledger_entries (id, account_id, amount, balance_after, kind, reference, created_at)
			SELECT ?, account.id, ?, ?, ?, ?, ? FROM account""";

	private static final String INSERT_TRANSFER = """
			INSERT INTO transfers (id, from_account_id, to_account_id, amount, currency, created_at)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private static final String LEDGER = """
			SELECT e.seq, e.id, e.account_id, e.amount, e.balance_after, e.kind, e.reference, e.created_at, a.currency
			FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
			WHERE e.account_id = ? AND e.seq < ?
			ORDER BY e.seq DESC
			LIMIT ?""";

	private final JdbcTemplate jdbc;

	JdbcAccounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Account> ofCustomer(CustomerId customer) {
		return PostgresCalls
			.call(() -> this.jdbc.query(BY_CUSTOMER, JdbcAccounts::account, customer.value()).stream().findFirst());
	}

	@Override
	public Map<CustomerId, Account> lockOfCustomers(Collection<CustomerId> customers) {
		requireTransaction();
		UUID[] ids = customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new);
		List<Account> locked = PostgresCalls.call(() -> this.jdbc.query(LOCK, JdbcAccounts::account, (Object) ids));
		Map<CustomerId, Account> byCustomer = new LinkedHashMap<>();
		locked.forEach((account) -> byCustomer.put(account.owner(), account));
		return byCustomer;
	}

	@Override
	public void post(Posting posting) {
		requireTransaction();
		LedgerEntry entry = posting.entry();
		PostgresCalls.call(() -> {
			int posted = this.jdbc.update(POST, posting.after().balance().amount(), posting.after().id().value(),
					entry.id(), entry.amount().amount(), entry.balanceAfter().amount(), entry.kind().name(),
					entry.reference(), Timestamp.from(entry.createdAt()));
			if (posted != 1) {
				throw new IllegalStateException("no account " + posting.after().id());
			}
			return posted;
		});
	}

	@Override
	public void record(Transfer transfer) {
		requireTransaction();
		PostgresCalls
			.call(() -> this.jdbc.update(INSERT_TRANSFER, transfer.id(), transfer.from().value(), transfer.to().value(),
					transfer.amount().amount(), transfer.amount().currency(), Timestamp.from(transfer.createdAt())));
	}

	@Override
	public Page<LedgerEntry> ledger(AccountId account, PageRequest page) {
		long before = (page.cursor() != null) ? decode(page.cursor()) : Long.MAX_VALUE;
		List<Row> rows = PostgresCalls.call(() -> this.jdbc.query(LEDGER,
				(row, n) -> new Row(row.getLong("seq"), entry(row)), account.value(), before, page.limit() + 1));
		boolean more = rows.size() > page.limit();
		List<Row> items = more ? rows.subList(0, page.limit()) : rows;
		Cursor next = more ? Cursor.encode("ledger:" + items.get(items.size() - 1).seq()) : null;
		return new Page<>(items.stream().map(Row::entry).toList(), next);
	}

	private static long decode(Cursor cursor) {
		String position = cursor.decode();
		if (!position.startsWith("ledger:")) {
			throw Cursor.invalid();
		}
		try {
			return Long.parseLong(position.substring("ledger:".length()));
		}
		catch (NumberFormatException ex) {
			throw Cursor.invalid();
		}
	}

	private static void requireTransaction() {
		// a lock or a posting outside a transaction would end at once, protecting nothing
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("wallet writes must run inside Transactions.inTransaction");
		}
	}

	private static Account account(ResultSet row, int rowNum) throws SQLException {
		return new Account(new AccountId(row.getObject("id", UUID.class)),
				new CustomerId(row.getObject("customer_id", UUID.class)),
				new Money(row.getBigDecimal("balance"), row.getString("currency")));
	}

	private static LedgerEntry entry(ResultSet row) throws SQLException {
		String currency = row.getString("currency");
		BigDecimal amount = row.getBigDecimal("amount");
		return new LedgerEntry(row.getObject("id", UUID.class), new AccountId(row.getObject("account_id", UUID.class)),
				new Money(amount, currency), new Money(row.getBigDecimal("balance_after"), currency),
				EntryKind.valueOf(row.getString("kind")), row.getObject("reference", UUID.class),
				row.getTimestamp("created_at").toInstant());
	}

	private record Row(long seq, LedgerEntry entry) {
	}

}
