package io.polyglot.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.EventSerializer;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.support.InMemoryStock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock rules: a hold per order, so reserving, releasing and selling happen at most
 * once per order however often the relay redelivers the event.
 */
class StockProjectionTest {

	private final InMemoryStock stock = new InMemoryStock();

	private final StockProjection projection = new StockProjection(this.stock);

	@Test
	void reserveReleaseAndSellChangeStockAtMostOncePerOrder() {
		UUID book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 5);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		assertThat(this.stock.reserve(book, first, 2)).isTrue();
		assertThat(this.stock.reserve(book, first, 2)).isTrue();
		assertThat(this.stock.reserve(book, second, 4)).isFalse();
		assertThat(this.stock.inStock(book)).isEqualTo(3);

		this.stock.sell(book, first);
		this.stock.sell(book, first);
		this.stock.release(book, first);
		assertThat(this.stock.levels()).singleElement().satisfies((level) -> {
			assertThat(level.sold()).isEqualTo(2);
			assertThat(level.inStock()).isEqualTo(3);
			assertThat(level.received()).isEqualTo(level.inStock() + level.held() + level.sold());
		});
	}

	@Test
	void aRedeliveredCancellationGivesTheStockBackOnce() {
		UUID book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 5);
		Order order = Order.place(UUID.randomUUID(), CustomerId.random(),
				List.of(new OrderLine(book, "Dune", Money.parse("12.50", "EUR"), 2)), Instant.now());
		this.stock.reserve(book, order.id(), 2);
		Order cancelled = order.moveTo(OrderStatus.CANCELLED, Instant.now());

		this.projection.deliver(List.of(stored(OrderEvents.cancelled(cancelled, false))));
		this.projection.deliver(List.of(stored(OrderEvents.cancelled(cancelled, false))));

		assertThat(this.stock.inStock(book)).isEqualTo(5);
		assertThat(this.stock.levels()).singleElement().satisfies((level) -> assertThat(level.holds()).isEmpty());
	}

	@Test
	void eventsThatDoNotConcernStockAreSkipped() {
		UUID book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 5);
		Order order = Order.place(UUID.randomUUID(), CustomerId.random(),
				List.of(new OrderLine(book, "Dune", Money.parse("12.50", "EUR"), 2)), Instant.now());
		this.stock.reserve(book, order.id(), 2);

		this.projection.deliver(List.of(stored(OrderEvents.placed(order))));

		assertThat(this.stock.inStock(book)).isEqualTo(3);
	}

	private static DomainEvent stored(OrderEvent event) {
		return EventSerializer.toStored(UUID.randomUUID(), Instant.now(), event);
	}

}
