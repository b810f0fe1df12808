package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.UUID;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.outbox.OutboxContract;
import io.polyglot.domain.shared.Transactions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox contract against a real local PostgreSQL (the same one the in-memory fake
 * passes).
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresOutboxContractIT extends OutboxContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected Ports ports(List<String> consumers) {
		PostgresOutbox outbox = new PostgresOutbox(this.jdbc, () -> consumers);
		return new Ports(outbox, outbox);
	}

	@Override
	protected Transactions transactions() {
		return this.transactions;
	}

	@Override
	protected boolean holds(UUID eventId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, eventId) > 0;
	}

}
