package io.polyglot.domain.move;

import io.polyglot.domain.support.InMemoryMoveCheckpoints;

/** The move checkpoints contract against the in-memory fake. */
class InMemoryMoveCheckpointsContractTest extends MoveCheckpointsContract {

	private final InMemoryMoveCheckpoints checkpoints = new InMemoryMoveCheckpoints();

	@Override
	protected MoveCheckpoints checkpoints() {
		return this.checkpoints;
	}

}
