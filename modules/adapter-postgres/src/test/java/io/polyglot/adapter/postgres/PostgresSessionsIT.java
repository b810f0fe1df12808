package io.polyglot.adapter.postgres;

import java.time.Duration;
import java.time.Instant;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.session.SessionsContract;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions contract against a real local PostgreSQL, plus what only the table shows:
 * expired rows are purged, and the UNLOGGED option is applied to the table.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresSessionsIT extends SessionsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	PostgresSessions sessions;

	@BeforeEach
	void newSessions() {
		this.sessions = new PostgresSessions(this.jdbc, false);
	}

	@Override
	protected Sessions sessions() {
		return this.sessions;
	}

	@Test
	void expiredRowsArePurgedAndLiveOnesKept() {
		CustomerId customer = CustomerId.random();
		String expiring = open(customer, Duration.ofSeconds(1), LONG);
		String live = open(customer, Duration.ofMinutes(30), LONG);

		this.sessions.purgeExpired(Instant.now().plusSeconds(5), 10_000);

		assertThat(rows(expiring)).isZero();
		assertThat(rows(live)).isOne();
	}

	@Test
	void theUnloggedOptionIsAppliedToTheTableAndCanBeUndone() {
		new PostgresSessions(this.jdbc, true);
		assertThat(persistence()).isEqualTo("u");
		String tokenHash = open(CustomerId.random(), Duration.ofMinutes(30), LONG);
		assertThat(rows(tokenHash)).as("rows survive the switch").isOne();

		new PostgresSessions(this.jdbc, false);
		assertThat(persistence()).isEqualTo("p");
		assertThat(rows(tokenHash)).isOne();
	}

	private long rows(String tokenHash) {
		return this.jdbc.queryForObject("SELECT count(*) FROM sessions WHERE token_hash = ?", Long.class, tokenHash);
	}

	private String persistence() {
		return this.jdbc.queryForObject("SELECT relpersistence FROM pg_class WHERE oid = 'sessions'::regclass",
				String.class);
	}

}
