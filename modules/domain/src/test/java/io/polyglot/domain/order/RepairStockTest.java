package io.polyglot.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.order.RepairStock.Action;
import io.polyglot.domain.order.RepairStock.Kind;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryOrders;
import io.polyglot.domain.support.InMemoryStock;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The stock repair re-derives the catalog's holds from the orders of record: each kind of
 * leak is repaired once, a young orphan waits for the grace period, and what cannot be
 * repaired is reported per order.
 */
class RepairStockTest {

	private final InMemoryOrders orders = new InMemoryOrders();

	private final InMemoryStock stock = new InMemoryStock();

	private final DirectTransactions transactions = new DirectTransactions();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final PlaceOrder place = new PlaceOrder(this.orders, this.stock, this.transactions, this.outbox, this.clock,
			"EUR");

	private final RepairStock repair = new RepairStock(this.stock, this.orders, this.clock, Duration.ofMinutes(1));

	private final Reconciliation reconciliation = new Reconciliation(this.stock, this.orders);

	private final CustomerId ada = CustomerId.random();

	private UUID book;

	@BeforeEach
	void aBookInStock() {
		this.book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 5);
	}

	private Order placeTwoBooks() {
		return this.place.place(this.ada, PlaceOrder.Command.parse(List.of(new LineRequest(this.book.toString(), 2))));
	}

	@Test
	void aCleanCatalogNeedsNoRepair() {
		placeTwoBooks();

		RepairStock.Result result = this.repair.run();

		assertThat(result.repaired()).isEmpty();
		assertThat(result.unrepaired()).isEmpty();
		assertThat(result.waiting()).isEmpty();
		assertThat(this.reconciliation.run().clean()).isTrue();
	}

	@Test
	void aMissingHoldOfALiveOrderIsTakenAgain() {
		Order order = placeTwoBooks();
		this.stock.release(this.book, order.id());
		assertThat(this.reconciliation.run().clean()).isFalse();

		RepairStock.Result result = this.repair.run();

		assertThat(result.repaired()).extracting(Action::kind, Action::orderId, Action::quantity)
			.containsExactly(tuple(Kind.RESTORED_HOLD, order.id(), 2));
		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
		assertThat(this.reconciliation.run().clean()).isTrue();
		assertThat(this.repair.run().repaired()).as("a second run").isEmpty();
	}

	@Test
	void aMissingHoldThatStockCannotCoverIsReportedAsOversold() {
		Order order = placeTwoBooks();
		this.stock.release(this.book, order.id());
		// the released units were sold to someone else meanwhile
		UUID other = UUID.randomUUID();
		this.stock.reserve(this.book, other, 5);
		this.orders.insert(Order.place(other, CustomerId.random(),
				List.of(new OrderLine(this.book, "Dune", Money.parse("12.50", "EUR"), 5)), this.clock.now()));

		RepairStock.Result result = this.repair.run();

		assertThat(result.unrepaired()).extracting(Action::kind, Action::orderId)
			.containsExactly(tuple(Kind.OVERSOLD, order.id()));
		assertThat(this.stock.inStock(this.book)).isZero();
	}

	@Test
	void holdsOfCancelledAndShippedOrdersAreReleasedAndSold() {
		Order cancelled = placeTwoBooks();
		Order shipped = this.place.place(this.ada,
				PlaceOrder.Command.parse(List.of(new LineRequest(this.book.toString(), 1))));
		// the orders moved in PostgreSQL, but the catalog never heard (projection lost)
		this.orders.update(cancelled.moveTo(OrderStatus.CANCELLED, this.clock.now()));
		this.orders
			.update(shipped.moveTo(OrderStatus.PAID, this.clock.now()).moveTo(OrderStatus.SHIPPED, this.clock.now()));

		RepairStock.Result result = this.repair.run();

		assertThat(result.repaired()).extracting(Action::kind, Action::orderId)
			.containsExactlyInAnyOrder(tuple(Kind.RELEASED_CANCELLED, cancelled.id()),
					tuple(Kind.SOLD_SHIPPED, shipped.id()));
		assertThat(this.stock.inStock(this.book)).isEqualTo(4);
		assertThat(this.reconciliation.run().clean()).isTrue();
	}

	@Test
	void anOrphanHoldIsReleasedOnlyOnceItOutlivedTheGracePeriod() {
		UUID inFlightOrCrashed = UUID.randomUUID();
		this.stock.reserve(this.book, inFlightOrCrashed, 2);

		RepairStock.Result first = this.repair.run();
		assertThat(first.repaired()).isEmpty();
		assertThat(first.waiting()).extracting(Action::orderId).containsExactly(inFlightOrCrashed);
		assertThat(this.stock.inStock(this.book)).isEqualTo(3);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.repair.run().repaired()).as("still within the grace period").isEmpty();

		this.clock.advance(Duration.ofSeconds(31));
		RepairStock.Result later = this.repair.run();
		assertThat(later.repaired()).extracting(Action::kind, Action::orderId)
			.containsExactly(tuple(Kind.RELEASED_ORPHAN, inFlightOrCrashed));
		assertThat(this.stock.inStock(this.book)).isEqualTo(5);
		assertThat(this.reconciliation.run().clean()).isTrue();
	}

	@Test
	void anOrphanWhoseOrderCommitsMeanwhileIsKept() {
		UUID placing = UUID.randomUUID();
		this.stock.reserve(this.book, placing, 2);
		assertThat(this.repair.run().waiting()).hasSize(1);

		// the placement's commit lands after the first run saw the hold
		this.orders.insert(Order.place(placing, this.ada,
				List.of(new OrderLine(this.book, "Dune", Money.parse("12.50", "EUR"), 2)), this.clock.now()));
		this.clock.advance(Duration.ofMinutes(5));

		RepairStock.Result result = this.repair.run();
		assertThat(result.repaired()).isEmpty();
		assertThat(result.waiting()).isEmpty();
		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
	}

}
