package io.polyglot.domain.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;

/** The events of an order's life, on the order's own stream, owned by its customer. */
final class OrderEvents {

	private OrderEvents() {
	}

	static DomainEvent of(String type, Order order, Map<String, String> extra) {
		Map<String, String> payload = new HashMap<>(extra);
		payload.put("orderId", order.id().toString());
		payload.put("customerId", order.customer().toString());
		payload.put("status", order.status().name());
		payload.put("total", order.total().toPlainString());
		payload.put("currency", order.total().currency());
		payload.put("productIds", productIds(order));
		return DomainEvent.of(EventStream.order(order.id()), type, order.updatedAt(), order.customer(), payload);
	}

	static String productIds(Order order) {
		return order.lines().stream().map((line) -> line.productId().toString()).collect(Collectors.joining(","));
	}

	/** The product ids an order event names (see {@link #productIds}). */
	static List<UUID> productIds(DomainEvent event) {
		String ids = event.payload().getOrDefault("productIds", "");
		return ids.isEmpty() ? List.of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
	}

	static boolean isStockEvent(DomainEvent event) {
		return EventTypes.ORDER_CANCELLED.equals(event.type()) || EventTypes.ORDER_SHIPPED.equals(event.type());
	}

}
