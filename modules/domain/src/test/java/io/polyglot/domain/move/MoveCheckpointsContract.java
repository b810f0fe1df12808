package io.polyglot.domain.move;

import java.util.UUID;

import io.polyglot.domain.move.MoveCheckpoints.Checkpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link MoveCheckpoints} must do, run against the in-memory fake and the
 * PostgreSQL adapter: one checkpoint per move, replaced by each save, gone after a clear.
 * Each test uses moves of its own, since the store is shared by the whole test JVM.
 */
public abstract class MoveCheckpointsContract {

	protected abstract MoveCheckpoints checkpoints();

	private static String freshMove() {
		return "catalog:mongodb->postgres#" + UUID.randomUUID();
	}

	@Test
	protected void aMoveWithoutCheckpointFindsNone() {
		assertThat(checkpoints().find(freshMove())).isEmpty();
	}

	@Test
	protected void aSavedCheckpointIsFoundAsSaved() {
		String move = freshMove();
		Checkpoint checkpoint = new Checkpoint(move, "products", "cursor-after-page-3", 300, false);

		checkpoints().save(checkpoint);

		assertThat(checkpoints().find(move)).contains(checkpoint);
	}

	@Test
	protected void aCheckpointAtTheStartOfAStageKeepsItsNullPosition() {
		String move = freshMove();
		Checkpoint checkpoint = new Checkpoint(move, "friendships", null, 0, false);

		checkpoints().save(checkpoint);

		assertThat(checkpoints().find(move)).contains(checkpoint);
	}

	@Test
	protected void aSaveReplacesTheMovesPreviousCheckpoint() {
		String move = freshMove();
		checkpoints().save(new Checkpoint(move, "products", "p1", 100, false));
		Checkpoint finished = new Checkpoint(move, "verify", null, 1_000, true);

		checkpoints().save(finished);

		assertThat(checkpoints().find(move)).contains(finished);
	}

	@Test
	protected void movesKeepCheckpointsOfTheirOwn() {
		String one = freshMove();
		String other = freshMove();
		checkpoints().save(new Checkpoint(one, "products", "a", 1, false));
		checkpoints().save(new Checkpoint(other, "people", "b", 2, false));

		checkpoints().clear(one);

		assertThat(checkpoints().find(one)).isEmpty();
		assertThat(checkpoints().find(other)).contains(new Checkpoint(other, "people", "b", 2, false));
	}

	@Test
	protected void clearingAMoveWithoutCheckpointChangesNothing() {
		String move = freshMove();

		checkpoints().clear(move);
		checkpoints().clear(move);

		assertThat(checkpoints().find(move)).isEmpty();
	}

}
