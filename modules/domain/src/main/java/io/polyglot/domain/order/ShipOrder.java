package io.polyglot.domain.order;

import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

/**
 * Ships a PAID order: the order and the event change in one PostgreSQL transaction;
 * turning its holds into sold units is an outbox event, applied at once when the catalog
 * answers and by the relay otherwise.
 */
public final class ShipOrder {

	private final Orders orders;

	private final StockProjection stockProjection;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	public ShipOrder(Orders orders, StockProjection stockProjection, Transactions transactions, Outbox outbox,
			Clock clock) {
		this.orders = Objects.requireNonNull(orders, "orders");
		this.stockProjection = Objects.requireNonNull(stockProjection, "stockProjection");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Ships a PAID order (administrators only, checked by the caller). */
	public Order ship(UUID orderId) {
		Order shipped = this.transactions.inTransaction(() -> {
			Order order = this.orders.lock(orderId).orElseThrow(() -> OrderAccess.noOrder(orderId));
			Order next = order.moveTo(OrderStatus.SHIPPED, this.clock.now());
			this.orders.update(next);
			this.outbox.add(OrderEvents.shipped(next), next.updatedAt());
			return next;
		});
		this.stockProjection.applyAfterCommit(shipped);
		return shipped;
	}

}
