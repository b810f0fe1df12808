package io.polyglot.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryOrders;
import io.polyglot.domain.support.InMemoryStock;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A failure at the commit of the order's transaction releases the stock holds, also when
 * that transaction is an outer one (the idempotency key's) that commits after
 * {@code place} has returned.
 */
class PlaceOrderCommitFailureTest {

	private final InMemoryStock stock = new InMemoryStock();

	private final DirectTransactions transactions = new DirectTransactions();

	private final PlaceOrder place = new PlaceOrder(new InMemoryOrders(), this.stock, this.transactions,
			new RecordingOutbox(), new MutableClock(Instant.parse("2026-03-01T10:00:00Z")), "EUR");

	private final UUID book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 3);

	private final UUID lamp = this.stock.add("Lamp", Money.parse("30.00", "EUR"), 1);

	private PlaceOrder.Command bookAndLamp() {
		return PlaceOrder.Command
			.parse(List.of(new LineRequest(this.book.toString(), 2), new LineRequest(this.lamp.toString(), 1)));
	}

	@Test
	void aFailedCommitOfItsOwnTransactionReleasesTheHolds() {
		this.transactions.failNextCommit();

		assertThatIllegalStateException().isThrownBy(() -> this.place.place(CustomerId.random(), bookAndLamp()))
			.withMessageContaining("injected commit failure");

		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
		assertThat(this.stock.inStock(this.lamp)).isEqualTo(1);
		assertThat(this.stock.levels()).allSatisfy((level) -> assertThat(level.holds()).isEmpty());
	}

	@Test
	void aFailedCommitOfTheOuterTransactionAfterPlaceReturnedReleasesTheHolds() {
		this.transactions.failNextCommit();

		assertThatIllegalStateException().isThrownBy(() -> this.transactions.inTransaction(() -> {
			Order order = this.place.place(CustomerId.random(), bookAndLamp());
			// place has returned with the holds made; the commit comes after this
			assertThat(this.stock.inStock(this.book)).isEqualTo(1);
			return order;
		})).withMessageContaining("injected commit failure");

		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
		assertThat(this.stock.inStock(this.lamp)).isEqualTo(1);
		assertThat(this.stock.levels()).allSatisfy((level) -> assertThat(level.holds()).isEmpty());
	}

	@Test
	void aCommittedOrderKeepsItsHolds() {
		Order order = this.transactions.inTransaction(() -> this.place.place(CustomerId.random(), bookAndLamp()));

		assertThat(this.stock.inStock(this.book)).isEqualTo(1);
		assertThat(this.stock.inStock(this.lamp)).isZero();
		assertThat(this.stock.levels()).allSatisfy((level) -> assertThat(level.holds()).containsOnlyKeys(order.id()));
	}

}
