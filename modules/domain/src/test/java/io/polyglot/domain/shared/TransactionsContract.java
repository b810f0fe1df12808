package io.polyglot.domain.shared;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Transactions} must do, run against the fake the use-case tests use
 * and the PostgreSQL adapter: work gives its result, its exception reaches the caller
 * unchanged, and a compensation runs once exactly when the outermost transaction ends
 * without a commit. (Whether the work's own writes roll back is the store's part, checked
 * by the adapter's own test.)
 */
public abstract class TransactionsContract {

	protected abstract Transactions transactions();

	@Test
	protected void workThatReturnsGivesItsResult() {
		assertThat(transactions().inTransaction(() -> "done")).isEqualTo("done");
	}

	@Test
	protected void workThatThrowsRethrowsTheSameException() {
		IllegalStateException failure = new IllegalStateException("boom");

		assertThatThrownBy(() -> transactions().run(() -> {
			throw failure;
		})).isSameAs(failure);
	}

	@Test
	protected void aCompensationRunsOnceWhenTheTransactionRollsBack() {
		AtomicInteger runs = new AtomicInteger();

		assertThatThrownBy(() -> transactions().run(() -> {
			transactions().afterRollback(runs::incrementAndGet);
			throw new IllegalStateException("the order fails after reserving");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(runs).hasValue(1);
	}

	@Test
	protected void aCompensationDoesNotRunWhenTheTransactionCommits() {
		AtomicInteger runs = new AtomicInteger();

		transactions().run(() -> transactions().afterRollback(runs::incrementAndGet));

		assertThat(runs).hasValue(0);
	}

	@Test
	protected void aCompensationRegisteredInAJoinedTransactionWaitsForTheOuterOne() {
		AtomicInteger runs = new AtomicInteger();

		assertThatThrownBy(() -> transactions().run(() -> {
			transactions().run(() -> transactions().afterRollback(runs::incrementAndGet));
			assertThat(runs).as("the inner work returned; nothing has ended yet").hasValue(0);
			throw new IllegalStateException("the outer work fails");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(runs).hasValue(1);
	}

	@Test
	protected void aCompensationOutsideATransactionIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> transactions().afterRollback(() -> {
		}));
	}

}
