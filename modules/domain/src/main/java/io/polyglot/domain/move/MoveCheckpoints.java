package io.polyglot.domain.move;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Port to the progress of data moves between stores, kept where it survives a crash of
 * the mover (PostgreSQL): a resumed move starts after the last page it finished.
 */
public interface MoveCheckpoints {

	Optional<Checkpoint> find(String move);

	/** Stores the checkpoint, replacing the move's previous one. */
	void save(Checkpoint checkpoint);

	/** Forgets the move, so the next run starts from the beginning. */
	void clear(String move);

	/**
	 * How far a move got.
	 *
	 * @param move the move's name, e.g. {@code catalog:mongodb->postgres}
	 * @param stage the part being copied (e.g. {@code products})
	 * @param position where the next page starts in that part (a cursor), or null at the
	 * start of the part
	 * @param copied items written so far, over all runs
	 * @param finished whether every part was copied and verified
	 */
	record Checkpoint(String move, String stage, @Nullable String position, long copied, boolean finished) {

		public Checkpoint {
			Objects.requireNonNull(move, "move");
			Objects.requireNonNull(stage, "stage");
		}

	}

}
