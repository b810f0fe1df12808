package io.polyglot.adapter.postgres;

import java.util.UUID;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.session.LoginThrottle;
import io.polyglot.domain.session.LoginThrottleContract;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The login throttle contract against a real local PostgreSQL. */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresLoginThrottleIT extends LoginThrottleContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected LoginThrottle throttle() {
		return new PostgresLoginThrottle(this.jdbc);
	}

	@Test
	void theKeyIsStoredOnlyAsItsHash() {
		String key = "user:" + UUID.randomUUID();
		fail(key, 1, WINDOW);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM login_failures WHERE key_hash = ?", Long.class,
				(Object) PostgresLoginThrottle.hash(key)))
			.isOne();
		assertThat(this.jdbc.queryForObject("SELECT octet_length(key_hash) FROM login_failures WHERE key_hash = ?",
				Integer.class, (Object) PostgresLoginThrottle.hash(key)))
			.isEqualTo(32);
	}

}
