package io.polyglot.adapter.postgres;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.idempotency.IdempotencyKeysContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The idempotency keys contract against a real local PostgreSQL. */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresIdempotencyKeysContractIT extends IdempotencyKeysContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected IdempotencyKeys keys() {
		return new JdbcIdempotencyKeys(this.jdbc);
	}

}
