package io.polyglot.app.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.order.LineRequest;
import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.PlaceOrder;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.Transactions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failure between the stock reservations (MongoDB) and the order's commit (PostgreSQL),
 * injected with a decorator around the real orders adapter: the reservations are
 * released, so stock is exactly as before and reconciliation stays clean.
 */
class OrderFailureIT extends OrderTestSupport {

	@Autowired
	Orders orders;

	@Autowired
	Stock stock;

	@Autowired
	Transactions transactions;

	@Autowired
	Outbox outbox;

	@Autowired
	Clock clock;

	@Test
	void aFailedOrderWriteAfterTheReservationsReleasesThem() {
		String first = product("4.00", 3);
		String second = product("6.00", 2);
		Client ada = newClient("crash");
		PlaceOrder failingAtCommit = new PlaceOrder(new FailingInsert(this.orders), this.stock, this.transactions,
				this.outbox, this.clock, "EUR");

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> failingAtCommit.place(CustomerId.parse(ada.id()),
					PlaceOrder.Command.parse(List.of(new LineRequest(first, 2), new LineRequest(second, 1)))))
			.withMessageContaining("injected");

		assertThat(stockOf(first)).isEqualTo(3);
		assertThat(stockOf(second)).isEqualTo(2);
		assertThat(ordersOf(ada)).isZero();
		assertThat(this.stock.levels()).filteredOn((level) -> level.productId().equals(UUID.fromString(first)))
			.singleElement()
			.satisfies((level) -> assertThat(level.holds()).isEmpty());
		assertReconciled(first, second);
	}

	@Test
	void aCommitThatPostgresRefusesAfterPlaceReturnedReleasesTheHolds() {
		String book = product("5.00", 4);
		Client ada = newClient("commit");
		PlaceOrder place = new PlaceOrder(this.orders, this.stock, this.transactions, this.outbox, this.clock, "EUR");

		// the outer transaction stands for the idempotency key's, which commits after
		// place
		// has returned; a deferred foreign key that cannot hold makes PostgreSQL refuse
		// that commit, a real commit-time failure
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.transactions.inTransaction(() -> {
			Order order = place.place(CustomerId.parse(ada.id()),
					PlaceOrder.Command.parse(List.of(new LineRequest(book, 3))));
			this.jdbc.execute("CREATE TEMP TABLE refused_at_commit (id int PRIMARY KEY, parent int "
					+ "REFERENCES refused_at_commit (id) DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP");
			this.jdbc.update("INSERT INTO refused_at_commit VALUES (1, 2)");
			return order;
		}));

		assertThat(ordersOf(ada)).isZero();
		assertThat(stockOf(book)).isEqualTo(4);
		assertReconciled(book);
	}

	/** The real orders adapter, except that inserting fails after the reservations. */
	private record FailingInsert(Orders delegate) implements Orders {

		@Override
		public void insert(Order order) {
			this.delegate.insert(order);
			// after the rows are written, so the transaction really has to roll back
			throw new IllegalStateException("injected failure before the order commit");
		}

		@Override
		public Optional<Order> lock(UUID id) {
			return this.delegate.lock(id);
		}

		@Override
		public void update(Order order) {
			this.delegate.update(order);
		}

		@Override
		public Optional<Order> byId(UUID id) {
			return this.delegate.byId(id);
		}

		@Override
		public Page<Order> ofCustomer(CustomerId customer, PageRequest page) {
			return this.delegate.ofCustomer(customer, page);
		}

		@Override
		public List<Popular> popularAmong(java.util.Collection<CustomerId> buyers, CustomerId excluded, int limit) {
			return this.delegate.popularAmong(buyers, excluded, limit);
		}

		@Override
		public List<LiveLine> liveLines() {
			return this.delegate.liveLines();
		}

		@Override
		public List<ProductUnits> unitsPerProduct() {
			return this.delegate.unitsPerProduct();
		}

	}

}
