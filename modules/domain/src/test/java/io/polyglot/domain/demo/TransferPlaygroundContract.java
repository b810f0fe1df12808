package io.polyglot.domain.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TransferPlayground} must do, run against the in-memory fake (in both
 * modes) and each real store: accounts open with their balance, a completed transfer
 * keeps the total, and a failure between debit and credit loses the debit exactly when
 * the store says its transfer is not one transaction. The demo accounts are the
 * playground's own, so each test opens them afresh.
 */
public abstract class TransferPlaygroundContract {

	protected abstract TransferPlayground playground();

	/** The failure a test injects between debit and credit. */
	private static final class InjectedFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InjectedFailure() {
			super("injected between debit and credit");
		}

	}

	private static boolean causedByInjection(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InjectedFailure) {
				return true;
			}
		}
		return false;
	}

	@Test
	protected void openedAccountsHoldTheirBalancesAndReopeningStartsAfresh() {
		playground().open(3, 10_000);
		assertThat(playground().total()).isEqualTo(30_000);

		playground().open(2, 500);
		assertThat(playground().total()).isEqualTo(1_000);
	}

	@Test
	protected void aCompletedTransferKeepsTheTotal() {
		playground().open(2, 1_000);

		playground().transfer(1, 2, 300, () -> {
		});
		playground().transfer(2, 1, 1_300, () -> {
		});

		assertThat(playground().total()).isEqualTo(2_000);
	}

	@Test
	protected void aFailureBetweenDebitAndCreditLosesTheDebitUnlessTheTransferIsOneTransaction() {
		playground().open(2, 1_000);

		assertThatThrownBy(() -> playground().transfer(1, 2, 300, () -> {
			throw new InjectedFailure();
		})).satisfies((thrown) -> assertThat(causedByInjection(thrown)).as("the injected failure").isTrue());

		assertThat(playground().total()).isEqualTo(playground().transactional() ? 2_000 : 1_700);
	}

	@Test
	protected void theStatementsOfATransferAreListedForPeopleToRead() {
		assertThat(playground().statements()).isNotEmpty()
			.allSatisfy((statement) -> assertThat(statement).isNotBlank());
		assertThat(playground().store()).isNotBlank();
	}

	@Test
	protected void accountsOpenAgainAfterAReset() {
		playground().open(2, 100);
		playground().reset();

		playground().open(1, 5);

		assertThat(playground().total()).isEqualTo(5);
	}

}
