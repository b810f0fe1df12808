package io.polyglot.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.order.Orders.Popular;
import io.polyglot.domain.order.Orders.ProductUnits;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link Orders} must do, run against the in-memory fake and the PostgreSQL
 * adapter: orders read back with their lines, status moves are stored, a customer's
 * orders read newest first in keyset pages that stay stable while orders are added, and
 * the per-product sums count the right statuses. Every test uses customers and products
 * of its own, since a real store is shared by the whole test JVM.
 */
public abstract class OrdersContract {

	private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

	protected abstract Orders orders();

	protected abstract Transactions transactions();

	/** A new customer of this service, who may own orders. */
	protected abstract CustomerId customer();

	@Test
	protected void anInsertedOrderReadsBackWithItsLinesInOrder() {
		Order order = order(customer(), T0, OrderStatus.PENDING, line(UUID.randomUUID(), "Dune", "12.50", 2),
				line(UUID.randomUUID(), "Lamp, \"brass\"", "30.00", 1));

		assertThat(orders().byId(order.id())).contains(order);
		assertThat(transactions().inTransaction(() -> orders().lock(order.id()))).contains(order);
		assertThat(orders().byId(UUID.randomUUID())).isEmpty();
		assertThat(transactions().inTransaction(() -> orders().lock(UUID.randomUUID()))).isEmpty();
	}

	@Test
	protected void aStatusMoveIsStoredWithItsTime() {
		Order order = order(customer(), T0, OrderStatus.PENDING, line(UUID.randomUUID(), "Dune", "12.50", 2));
		Order paid = order.moveTo(OrderStatus.PAID, T0.plusSeconds(5));

		transactions().run(() -> orders().update(paid));

		assertThat(orders().byId(order.id())).contains(paid);
	}

	@Test
	protected void aCustomersOrdersReadNewestFirstInPagesThatStayStable() {
		CustomerId ada = customer();
		order(customer(), T0.plusSeconds(3), OrderStatus.PENDING, line(UUID.randomUUID(), "Not Ada's", "1.00", 1));
		List<Order> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(order(ada, T0.plusSeconds(i), OrderStatus.PENDING, line(UUID.randomUUID(), "Item", "1.00", 1)));
		}

		Page<Order> first = orders().ofCustomer(ada, new PageRequest(2, null));
		// a newer order arrives while the client pages on
		order(ada, T0.plusSeconds(60), OrderStatus.PENDING, line(UUID.randomUUID(), "Newer", "1.00", 1));
		Page<Order> second = orders().ofCustomer(ada, new PageRequest(2, first.nextCursor()));
		Page<Order> third = orders().ofCustomer(ada, new PageRequest(2, second.nextCursor()));

		assertThat(first.items()).containsExactly(placed.get(4), placed.get(3));
		assertThat(second.items()).containsExactly(placed.get(2), placed.get(1));
		assertThat(third.items()).containsExactly(placed.get(0));
		assertThat(third.nextCursor()).isNull();
		assertThat(orders().ofCustomer(customer(), PageRequest.first()).items()).isEmpty();
	}

	@Test
	protected void aTamperedOrdersCursorIsRefused() {
		CustomerId ada = customer();
		for (String tampered : List.of("orders|yesterday|" + UUID.randomUUID(), "orders|" + T0 + "|not-a-uuid",
				"garbage", "orders||")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> orders().ofCustomer(ada, new PageRequest(2, Cursor.encode(tampered))));
		}
	}

	@Test
	protected void unitsPerProductCountLiveOrdersAsHeldAndShippedOnesAsSold() {
		CustomerId ada = customer();
		UUID book = UUID.randomUUID();
		UUID lamp = UUID.randomUUID();
		order(ada, T0, OrderStatus.PENDING, line(book, "Book", "1.00", 2));
		order(ada, T0, OrderStatus.PAID, line(book, "Book", "1.00", 1), line(lamp, "Lamp", "2.00", 3));
		order(ada, T0, OrderStatus.SHIPPED, line(book, "Book", "1.00", 4));
		order(ada, T0, OrderStatus.CANCELLED, line(lamp, "Lamp", "2.00", 5));

		assertThat(orders().unitsPerProduct())
			.filteredOn((units) -> units.productId().equals(book) || units.productId().equals(lamp))
			.containsExactlyInAnyOrder(new ProductUnits(book, 3, 4), new ProductUnits(lamp, 3, 0));
	}

	@Test
	protected void popularProductsAreThoseTheBuyersBoughtAndTheCustomerNever() {
		CustomerId ada = customer();
		CustomerId bob = customer();
		CustomerId cy = customer();
		UUID dune = UUID.randomUUID();
		UUID lamp = UUID.randomUUID();
		UUID chair = UUID.randomUUID();
		UUID owned = UUID.randomUUID();
		order(bob, T0, OrderStatus.PAID, line(dune, "Dune", "1.00", 1), line(lamp, "Lamp", "1.00", 5),
				line(owned, "Owned", "1.00", 1));
		order(cy, T0, OrderStatus.SHIPPED, line(dune, "Dune", "1.00", 3));
		order(cy, T0, OrderStatus.PENDING, line(chair, "Chair", "1.00", 9));
		order(cy, T0, OrderStatus.CANCELLED, line(chair, "Chair", "1.00", 9));
		order(ada, T0, OrderStatus.PAID, line(owned, "Owned", "1.00", 1));
		order(ada, T0, OrderStatus.PENDING, line(lamp, "Lamp", "1.00", 1));

		assertThat(orders().popularAmong(List.of(bob, cy), ada, 10)).containsExactly(new Popular(dune, "Dune", 2, 4),
				new Popular(lamp, "Lamp", 1, 5));
		assertThat(orders().popularAmong(List.of(bob, cy), ada, 1)).containsExactly(new Popular(dune, "Dune", 2, 4));
		assertThat(orders().popularAmong(List.of(), ada, 10)).isEmpty();
	}

	/** Stores an order of the customer, placed at the time and moved to the status. */
	private Order order(CustomerId customer, Instant at, OrderStatus status, OrderLine... lines) {
		Order placed = Order.place(UUID.randomUUID(), customer, List.of(lines), at);
		Order order = (status == OrderStatus.PENDING) ? placed
				: new Order(placed.id(), customer, status, placed.lines(), placed.total(), at, at);
		transactions().run(() -> orders().insert(order));
		return order;
	}

	private static OrderLine line(UUID product, String name, String price, int quantity) {
		return new OrderLine(product, name, Money.parse(price, "EUR"), quantity);
	}

}
