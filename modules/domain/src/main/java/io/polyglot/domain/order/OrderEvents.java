package io.polyglot.domain.order;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.order.OrderEvent.OrderCancelled;
import io.polyglot.domain.order.OrderEvent.OrderPaid;
import io.polyglot.domain.order.OrderEvent.OrderPlaced;
import io.polyglot.domain.order.OrderEvent.OrderShipped;

/** The {@link OrderEvent}s of an order as it is after each change. */
final class OrderEvents {

	private OrderEvents() {
	}

	static OrderPlaced placed(Order order) {
		return new OrderPlaced(order.id(), order.customer(), order.total(), productIds(order), order.lines().size());
	}

	static OrderPaid paid(Order order, UUID ledgerEntryId) {
		return new OrderPaid(order.id(), order.customer(), order.total(), productIds(order), ledgerEntryId);
	}

	static OrderCancelled cancelled(Order order, boolean refunded) {
		return new OrderCancelled(order.id(), order.customer(), order.total(), productIds(order), refunded);
	}

	static OrderShipped shipped(Order order) {
		return new OrderShipped(order.id(), order.customer(), order.total(), productIds(order));
	}

	private static List<UUID> productIds(Order order) {
		return order.lines().stream().map(OrderLine::productId).toList();
	}

}
