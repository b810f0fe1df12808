package io.polyglot.adapter.postgres;

import java.util.UUID;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.TransactionsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transaction port against a real local PostgreSQL: work commits when it returns,
 * rolls back when it throws, and its exceptions reach the caller unchanged.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresTransactionsIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcTemplate jdbc;

	private String table;

	@BeforeEach
	void createScratchTable() {
		this.table = "scratch_" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.execute("CREATE TABLE " + this.table + " (value text NOT NULL)");
	}

	@AfterEach
	void dropScratchTable() {
		this.jdbc.execute("DROP TABLE " + this.table);
	}

	@Test
	void workThatReturnsIsCommittedAndItsResultReturned() {
		String result = this.transactions.inTransaction(() -> {
			insert("a");
			insert("b");
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void workThatThrowsIsRolledBackAndItsExceptionRethrownUnchanged() {
		ConflictException thrown = new ConflictException("refused");

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.transactions.run(() -> {
			insert("a");
			throw thrown;
		})).isSameAs(thrown);
		assertThat(count()).isZero();
	}

	@Test
	void nestedWorkJoinsTheOuterTransaction() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.transactions.run(() -> {
			this.transactions.run(() -> insert("inner"));
			throw new IllegalStateException("outer fails after the inner work returned");
		}));

		assertThat(count()).isZero();
	}

	private void insert(String value) {
		this.jdbc.update("INSERT INTO " + this.table + " (value) VALUES (?)", value);
	}

	private int count() {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + this.table, Integer.class);
	}

	/** The transactions contract against the same adapter. */
	@Nested
	class Contract extends TransactionsContract {

		@Override
		protected Transactions transactions() {
			return PostgresTransactionsIT.this.transactions;
		}

	}

}
