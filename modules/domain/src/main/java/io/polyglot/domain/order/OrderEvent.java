package io.polyglot.domain.order;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;

/**
 * The events of an order's life, on the order's own stream, owned by its customer. Each
 * names the order as it is after the change: its total and the products it holds.
 */
public sealed interface OrderEvent extends Event {

	UUID orderId();

	CustomerId customerId();

	Money total();

	/** The products of the order's lines, in line order. */
	List<UUID> productIds();

	/** The order's status after the change this event records. */
	OrderStatus status();

	@Override
	default EventStream stream() {
		return EventStream.order(orderId());
	}

	@Override
	default CustomerId owner() {
		return customerId();
	}

	/** An order was placed with its stock reserved; it waits for payment. */
	record OrderPlaced(UUID orderId, CustomerId customerId, Money total, List<UUID> productIds,
			int lines) implements OrderEvent {

		public OrderPlaced {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(total, "total");
			productIds = List.copyOf(productIds);
		}

		@Override
		public OrderStatus status() {
			return OrderStatus.PENDING;
		}

	}

	/** An order was paid from its owner's wallet (the ledger entry of the payment). */
	record OrderPaid(UUID orderId, CustomerId customerId, Money total, List<UUID> productIds,
			UUID ledgerEntryId) implements OrderEvent {

		public OrderPaid {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(total, "total");
			productIds = List.copyOf(productIds);
			Objects.requireNonNull(ledgerEntryId, "ledgerEntryId");
		}

		@Override
		public OrderStatus status() {
			return OrderStatus.PAID;
		}

	}

	/** An order was cancelled; its stock goes back, and a paid one was refunded. */
	record OrderCancelled(UUID orderId, CustomerId customerId, Money total, List<UUID> productIds,
			boolean refunded) implements OrderEvent {

		public OrderCancelled {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(total, "total");
			productIds = List.copyOf(productIds);
		}

		@Override
		public OrderStatus status() {
			return OrderStatus.CANCELLED;
		}

	}

	/** A paid order was shipped; its held units become sold ones. */
	record OrderShipped(UUID orderId, CustomerId customerId, Money total, List<UUID> productIds) implements OrderEvent {

		public OrderShipped {
			Objects.requireNonNull(orderId, "orderId");
			Objects.requireNonNull(customerId, "customerId");
			Objects.requireNonNull(total, "total");
			productIds = List.copyOf(productIds);
		}

		@Override
		public OrderStatus status() {
			return OrderStatus.SHIPPED;
		}

	}

}
