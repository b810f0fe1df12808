package io.polyglot.domain.support;

import java.util.function.Supplier;

import io.polyglot.domain.shared.Transactions;

/** Runs the work directly, remembering whether a transaction is open right now. */
public final class DirectTransactions implements Transactions {

	private boolean active;

	private int started;

	@Override
	public <T> T inTransaction(Supplier<T> work) {
		this.active = true;
		this.started++;
		try {
			return work.get();
		}
		finally {
			this.active = false;
		}
	}

	public boolean isActive() {
		return this.active;
	}

	public int started() {
		return this.started;
	}

}
