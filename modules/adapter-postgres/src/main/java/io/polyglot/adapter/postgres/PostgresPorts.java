package io.polyglot.adapter.postgres;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.outbox.OutboxQueue;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.social.SocialGraph;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Builds the PostgreSQL adapter's port implementations over a plain {@link DataSource},
 * outside a Spring context, for programs such as the benchmark runner that drive the same
 * ports the service uses.
 */
public final class PostgresPorts {

	private PostgresPorts() {
	}

	/** Applies the adapter's Flyway migrations to the database behind this source. */
	public static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	/**
	 * Transactions over this source; the JDBC ports built here take part in them.
	 */
	public static Transactions transactions(DataSource dataSource) {
		return new PostgresTransactions(new JdbcTransactionManager(dataSource));
	}

	/** The wallet accounts and ledger. */
	public static Accounts accounts(DataSource dataSource) {
		return new JdbcAccounts(new JdbcTemplate(dataSource));
	}

	/** The orders and their lines. */
	public static Orders orders(DataSource dataSource) {
		return new JdbcOrders(new JdbcTemplate(dataSource));
	}

	/** The outbox, delivering to the named consumers. */
	public static Outbox outbox(DataSource dataSource, Collection<String> consumers) {
		List<String> names = List.copyOf(consumers);
		return new PostgresOutbox(new JdbcTemplate(dataSource), () -> names);
	}

	/** The relay's side of the outbox: claim, mark delivered, back off. */
	public static OutboxQueue outboxQueue(DataSource dataSource, Collection<String> consumers) {
		List<String> names = List.copyOf(consumers);
		return new PostgresOutbox(new JdbcTemplate(dataSource), () -> names);
	}

	/**
	 * The sessions table (routing's {@code sessions=postgres}); {@code unlogged} switches
	 * the table to UNLOGGED (or back) as the service's property does.
	 */
	public static Sessions sessions(DataSource dataSource, boolean unlogged) {
		return new PostgresSessions(new JdbcTemplate(dataSource), unlogged);
	}

	/** The catalog as JSONB documents (routing's {@code catalog=postgres}). */
	public static Catalog catalog(DataSource dataSource) {
		return new PostgresCatalog(new JdbcTemplate(dataSource));
	}

	/** The stock of the PostgreSQL catalog. */
	public static Stock stock(DataSource dataSource) {
		return new PostgresStock(new JdbcTemplate(dataSource));
	}

	/** The append-only event log table (routing's {@code event-log=postgres}). */
	public static EventLog eventLog(DataSource dataSource) {
		return new PostgresEventLog(new JdbcTemplate(dataSource));
	}

	/** The social graph as two tables (routing's {@code social-graph=postgres}). */
	public static SocialGraph socialGraph(DataSource dataSource) {
		return new PostgresSocialGraph(new JdbcTemplate(dataSource));
	}

}
