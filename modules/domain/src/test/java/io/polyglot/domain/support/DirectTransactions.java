package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.polyglot.domain.shared.Transactions;

/**
 * Runs the work directly, remembering whether a transaction is open right now; nested
 * calls join the outer one, and compensations run when the outermost one throws (or its
 * commit is made to fail with {@link #failNextCommit()}).
 */
public final class DirectTransactions implements Transactions {

	private int depth;

	private int started;

	private boolean failNextCommit;

	private final List<Runnable> compensations = new ArrayList<>();

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		this.depth++;
		this.started++;
		boolean outermost = this.depth == 1;
		try {
			T result = work.get();
			if (outermost && this.failNextCommit) {
				this.failNextCommit = false;
				throw new IllegalStateException("injected commit failure");
			}
			if (outermost) {
				this.compensations.clear();
			}
			return result;
		}
		catch (RuntimeException ex) {
			if (outermost) {
				List<Runnable> toRun = List.copyOf(this.compensations);
				this.compensations.clear();
				toRun.forEach(Runnable::run);
			}
			throw ex;
		}
		finally {
			this.depth--;
		}
	}

	@Override
	public void afterRollback(Runnable compensation) {
		if (this.depth == 0) {
			throw new IllegalStateException("afterRollback needs an open transaction");
		}
		this.compensations.add(compensation);
	}

	/** Makes the next outermost transaction fail at its commit, after its work ran. */
	public void failNextCommit() {
		this.failNextCommit = true;
	}

	public boolean isActive() {
		return this.depth > 0;
	}

	public int started() {
		return this.started;
	}

}
