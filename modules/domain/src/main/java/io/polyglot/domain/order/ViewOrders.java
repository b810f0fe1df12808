package io.polyglot.domain.order;

import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** Reads orders: one of the caller's (any for an administrator), or the caller's list. */
public final class ViewOrders {

	private final Orders orders;

	public ViewOrders(Orders orders) {
		this.orders = Objects.requireNonNull(orders, "orders");
	}

	/** An order of the caller's, or any order for an administrator. */
	public Order get(CustomerId caller, boolean admin, UUID orderId) {
		Order order = this.orders.byId(orderId).orElseThrow(() -> OrderAccess.noOrder(orderId));
		if (!admin && !order.customer().equals(caller)) {
			throw OrderAccess.noOrder(orderId);
		}
		return order;
	}

	/** The caller's orders, newest first. */
	public Page<Order> list(CustomerId caller, PageRequest page) {
		return this.orders.ofCustomer(caller, page);
	}

}
