package io.polyglot.domain.order;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.outbox.EventConsumer;
import io.polyglot.domain.outbox.EventSerializer;

/**
 * Applies what happened to orders to the catalog's stock: a cancelled order's holds go
 * back to stock, a shipped order's holds become sold units. Fed by the outbox relay (and
 * called directly right after the commit); idempotent per order, so a redelivered event
 * does no harm.
 */
public final class StockProjection implements EventConsumer {

	/** The consumer name the outbox tracks deliveries under. */
	public static final String NAME = "catalog-stock";

	// java.lang.System.Logger: the domain depends on no logging library
	private static final System.Logger LOG = System.getLogger(StockProjection.class.getName());

	private final Stock stock;

	public StockProjection(Stock stock) {
		this.stock = Objects.requireNonNull(stock, "stock");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void deliver(List<DomainEvent> events) {
		for (DomainEvent stored : events) {
			// only order events are read; a malformed one throws, so the batch is retried
			// rather than its stock change lost
			EventSerializer.fromStored(stored, OrderEvent.class).ifPresent(this::apply);
		}
	}

	private void apply(OrderEvent event) {
		if (event instanceof OrderEvent.OrderCancelled || event instanceof OrderEvent.OrderShipped) {
			apply(event.orderId(), event.status(), event.productIds());
		}
	}

	/**
	 * Applies a cancellation or shipment to the catalog right after its commit.
	 * Idempotent per order, so the relay applying the same event again later changes
	 * nothing; when the catalog is down the relay is what applies it, so a failure here
	 * is logged, not thrown.
	 */
	void applyAfterCommit(Order order) {
		try {
			apply(order.id(), order.status(), order.lines().stream().map(OrderLine::productId).toList());
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING,
					"Catalog not updated for order {0} now; the outbox relay will retry: {1}", order.id(),
					ex.getMessage());
		}
	}

	void apply(UUID orderId, OrderStatus status, List<UUID> productIds) {
		for (UUID productId : productIds) {
			if (status == OrderStatus.CANCELLED) {
				this.stock.release(productId, orderId);
			}
			else if (status == OrderStatus.SHIPPED) {
				this.stock.sell(productId, orderId);
			}
		}
	}

}
