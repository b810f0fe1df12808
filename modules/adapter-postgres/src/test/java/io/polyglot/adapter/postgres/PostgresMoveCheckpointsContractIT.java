package io.polyglot.adapter.postgres;

import io.polyglot.adapter.postgres.testapp.PostgresTestApplication;
import io.polyglot.domain.move.MoveCheckpoints;
import io.polyglot.domain.move.MoveCheckpointsContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The move checkpoints contract against a real local PostgreSQL. */
@SpringBootTest(classes = PostgresTestApplication.class)
class PostgresMoveCheckpointsContractIT extends MoveCheckpointsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestApplication.postgres(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Override
	protected MoveCheckpoints checkpoints() {
		return new JdbcMoveCheckpoints(this.jdbc);
	}

}
