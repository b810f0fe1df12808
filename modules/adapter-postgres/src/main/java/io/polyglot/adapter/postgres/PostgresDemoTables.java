package io.polyglot.adapter.postgres;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.polyglot.domain.demo.DemoSteps;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} schema the demos use, created by this adapter on first use (not by
 * Flyway: it is throw-away demo data, dropped and recreated at will). Each demo creates
 * its own tables and seed rows in one transaction, so a half-seeded table is never seen.
 */
final class PostgresDemoTables {

	static final String STORE = PostgresCalls.STORE;

	/** The bound of demo work that is slow by design (see {@link #slow}). */
	static final Duration SLOW_TIMEOUT = Duration.ofSeconds(60);

	/** One lock for every schema change of the demos in this service instance. */
	private static final Object SCHEMA_LOCK = new Object();

	final JdbcTemplate jdbc;

	final TransactionTemplate transactions;

	final PlatformTransactionManager transactionManager;

	PostgresDemoTables(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactionManager = transactionManager;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs {@code create} in one transaction unless {@code table} exists already; answers
	 * whether it ran.
	 */
	boolean ensure(String table, Runnable create) {
		synchronized (SCHEMA_LOCK) {
			if (exists(table)) {
				return false;
			}
			slow(() -> {
				this.jdbc.execute("CREATE SCHEMA IF NOT EXISTS demo");
				create.run();
				return null;
			});
			return true;
		}
	}

	/**
	 * Runs demo work that may take seconds (seeding 300,000 rows, building an index) in
	 * one transaction with a statement and socket timeout of {@link #SLOW_TIMEOUT}
	 * instead of the service's ~3 s: those bound a hung store for requests, and a demo's
	 * seeding is slow by design. The pool resets the socket timeout when the connection
	 * comes back.
	 */
	<T> T slow(Supplier<T> work) {
		return this.transactions.execute((status) -> {
			this.jdbc.execute("SET LOCAL statement_timeout = '" + SLOW_TIMEOUT.toMillis() + "ms'");
			this.jdbc.execute((ConnectionCallback<Void>) (Connection connection) -> {
				connection.setNetworkTimeout(Runnable::run, (int) SLOW_TIMEOUT.toMillis());
				return null;
			});
			return work.get();
		});
	}

	boolean exists(String table) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table));
	}

	void drop(String... tables) {
		PostgresCalls.call(() -> {
			synchronized (SCHEMA_LOCK) {
				for (String table : tables) {
					this.jdbc.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
				}
			}
			return null;
		});
	}

	/** The rows of a query, column name to value, in column order. */
	List<Map<String, Object>> rows(String sql, Object... parameters) {
		return this.jdbc.queryForList(sql, parameters);
	}

	/**
	 * The message PostgreSQL gave for a refused row (constraint violations only);
	 * anything else is not a refusal.
	 */
	static @Nullable String refusal(RuntimeException ex) {
		if (ex instanceof DataIntegrityViolationException violation) {
			String message = String.valueOf(violation.getMostSpecificCause().getMessage());
			return message.replace("\n  ", " — ").strip();
		}
		return null;
	}

	static Map<String, Object> params(Object... namesAndValues) {
		return DemoSteps.params(namesAndValues);
	}

}
