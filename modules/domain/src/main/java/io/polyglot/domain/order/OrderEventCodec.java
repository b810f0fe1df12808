package io.polyglot.domain.order;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.polyglot.domain.eventlog.EventCodec;
import io.polyglot.domain.order.OrderEvent.OrderCancelled;
import io.polyglot.domain.order.OrderEvent.OrderPaid;
import io.polyglot.domain.order.OrderEvent.OrderPlaced;
import io.polyglot.domain.order.OrderEvent.OrderShipped;

/**
 * The stored form of {@link OrderEvent}s: every one names the order as it is after the
 * change (status, total, product ids comma-separated), plus what its type adds.
 */
public final class OrderEventCodec implements EventCodec<OrderEvent> {

	private static final String ORDER_PLACED = "OrderPlaced";

	private static final String ORDER_PAID = "OrderPaid";

	private static final String ORDER_CANCELLED = "OrderCancelled";

	private static final String ORDER_SHIPPED = "OrderShipped";

	@Override
	public Class<OrderEvent> kind() {
		return OrderEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(ORDER_PLACED, ORDER_PAID, ORDER_CANCELLED, ORDER_SHIPPED);
	}

	@Override
	public String write(OrderEvent event, PayloadWriter out) {
		out.put("orderId", event.orderId())
			.put("customerId", event.customerId())
			.put("status", event.status().name())
			.put("total", event.total().toPlainString())
			.put("currency", event.total().currency())
			.put("productIds", event.productIds().stream().map(UUID::toString).collect(Collectors.joining(",")));
		if (event instanceof OrderPlaced placed) {
			out.put("lines", Integer.toString(placed.lines()));
			return ORDER_PLACED;
		}
		if (event instanceof OrderPaid paid) {
			out.put("ledgerEntryId", paid.ledgerEntryId());
			return ORDER_PAID;
		}
		if (event instanceof OrderCancelled cancelled) {
			out.put("refunded", Boolean.toString(cancelled.refunded()));
			return ORDER_CANCELLED;
		}
		return ORDER_SHIPPED;
	}

	@Override
	public OrderEvent read(PayloadReader in) {
		return switch (in.type()) {
			case ORDER_PLACED -> new OrderPlaced(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
					in.uuids("productIds"), in.integer("lines"));
			case ORDER_PAID -> new OrderPaid(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
					in.uuids("productIds"), in.uuid("ledgerEntryId"));
			case ORDER_CANCELLED -> new OrderCancelled(in.uuid("orderId"), in.customerId("customerId"),
					in.money("total"), in.uuids("productIds"), in.bool("refunded"));
			default -> new OrderShipped(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
					in.uuids("productIds"));
		};
	}

}
