package io.polyglot.domain.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.polyglot.domain.move.MoveCheckpoints;

/**
 * Move checkpoints in a map, one per move, as the PostgreSQL table keeps one row per
 * move.
 */
public final class InMemoryMoveCheckpoints implements MoveCheckpoints {

	private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

	@Override
	public Optional<Checkpoint> find(String move) {
		return Optional.ofNullable(this.checkpoints.get(move));
	}

	@Override
	public void save(Checkpoint checkpoint) {
		this.checkpoints.put(checkpoint.move(), checkpoint);
	}

	@Override
	public void clear(String move) {
		this.checkpoints.remove(move);
	}

}
