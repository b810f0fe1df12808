package io.polyglot.adapter.postgres;

import java.util.Objects;
import java.util.Optional;

import io.polyglot.domain.move.MoveCheckpoints;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Move checkpoints in PostgreSQL (table {@code concern_moves}), one upserted row per move
 * (keyed by the move's name).
 */
final class JdbcMoveCheckpoints implements MoveCheckpoints {

	private static final String FIND = "SELECT move, stage, position, copied, finished FROM concern_moves WHERE move = ?";

	private static final String SAVE = """
			INSERT INTO concern_moves (move, stage, position, copied, finished, updated_at)
			VALUES (?, ?, ?, ?, ?, now())
			ON CONFLICT (move) DO UPDATE SET stage = EXCLUDED.stage, position = EXCLUDED.position,
			    copied = EXCLUDED.copied, finished = EXCLUDED.finished, updated_at = EXCLUDED.updated_at""";

	private static final String CLEAR = "DELETE FROM concern_moves WHERE move = ?";

	private final JdbcTemplate jdbc;

	JdbcMoveCheckpoints(JdbcTemplate jdbc) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
	}

	@Override
	public Optional<Checkpoint> find(String move) {
		return PostgresCalls
			.call(() -> this.jdbc
				.query(FIND,
						(row, n) -> new Checkpoint(row.getString("move"), row.getString("stage"),
								row.getString("position"), row.getLong("copied"), row.getBoolean("finished")),
						move))
			.stream()
			.findFirst();
	}

	@Override
	public void save(Checkpoint checkpoint) {
		PostgresCalls.call(() -> this.jdbc.update(SAVE, checkpoint.move(), checkpoint.stage(), checkpoint.position(),
				checkpoint.copied(), checkpoint.finished()));
	}

	@Override
	public void clear(String move) {
		PostgresCalls.call(() -> this.jdbc.update(CLEAR, move));
	}

}
