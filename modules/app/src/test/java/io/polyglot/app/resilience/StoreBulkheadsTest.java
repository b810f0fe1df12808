package io.polyglot.app.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreBulkheadsTest {

	private final StoreBulkheads bulkheads = new StoreBulkheads(BulkheadRegistry.ofDefaults(),
			new BulkheadProperties(8, Duration.ZERO, Map.of("postgres", 1)));

	private Transactions decorated(Transactions transactions) {
		return (Transactions) this.bulkheads.decorate(transactions, "postgres");
	}

	@Test
	void aCallPastTheLimitIsRefusedAsStoreUnavailable() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Transactions port = decorated(new Direct());
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<Object> holder = executor.submit(() -> port.inTransaction(() -> {
				inside.countDown();
				await(release);
				return "done";
			}));
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> port.inTransaction(() -> 1))
				.satisfies((ex) -> assertThat(ex.store()).isEqualTo("postgres"));
			release.countDown();
			assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("done");
			assertThat(port.inTransaction(() -> 2)).isEqualTo(2);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void aNestedCallOfTheSameStoreDoesNotTakeASecondPlace() {
		Transactions port = decorated(new Direct());
		assertThat(port.inTransaction(() -> port.inTransaction(() -> "inner"))).isEqualTo("inner");
	}

	@Test
	void untranslatedOutagesBecomeStoreUnavailableAndOtherFailuresPassUnchanged() {
		Transactions rollbackFails = decorated(new Direct() {
			@Override
			public <T> T inTransaction(Supplier<T> work) {
				throw new TransactionSystemException("Could not roll back JDBC transaction",
						new DataAccessResourceFailureException("I/O error"));
			}
		});
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> rollbackFails.inTransaction(() -> 1))
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("postgres"));
		Transactions port = decorated(new Direct());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> port.inTransaction(() -> {
			throw new NotFoundException("no such order");
		}));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> port.inTransaction(() -> {
			throw new IllegalStateException("a bug");
		}));
	}

	@Test
	void theStoreIsTheAdapterModule() {
		assertThat(StoreBulkheads.storeOf(Map.class)).isNull();
		assertThat(StoreBulkheads.storeOf(StoreBulkheads.class)).isNull();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Runs the work as it is; the decorator is what is under test. */
	private static class Direct implements Transactions {

		@Override
		public <T> T inTransaction(Supplier<T> work) {
			return work.get();
		}

	}

}
