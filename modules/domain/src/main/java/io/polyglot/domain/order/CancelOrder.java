package io.polyglot.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Transactions;

/**
 * Cancels an order: the order, the refund and the event change in one PostgreSQL
 * transaction; giving the stock back is an outbox event, applied at once when the catalog
 * answers and by the relay otherwise.
 */
public final class CancelOrder {

	private final Orders orders;

	private final Accounts accounts;

	private final StockProjection stockProjection;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	public CancelOrder(Orders orders, Accounts accounts, StockProjection stockProjection, Transactions transactions,
			Outbox outbox, Clock clock) {
		this.orders = Objects.requireNonNull(orders, "orders");
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.stockProjection = Objects.requireNonNull(stockProjection, "stockProjection");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Cancels a PENDING or PAID order (owner or administrator): refunds a paid order in
	 * the same transaction and gives its stock back.
	 */
	public Order cancel(CustomerId caller, boolean admin, UUID orderId) {
		Order cancelled = this.transactions.inTransaction(() -> {
			Order order = OrderAccess.lockOwned(this.orders, orderId, caller, admin);
			Instant now = this.clock.now();
			Order next = order.moveTo(OrderStatus.CANCELLED, now);
			boolean refund = order.status() == OrderStatus.PAID;
			if (refund) {
				this.accounts.post(OrderAccess.walletOf(this.accounts, order.customer())
					.credit(order.total(), EntryKind.ORDER_REFUND, order.id(), now));
			}
			this.orders.update(next);
			this.outbox.add(OrderEvents.cancelled(next, refund), next.updatedAt());
			return next;
		});
		this.stockProjection.applyAfterCommit(cancelled);
		return cancelled;
	}

}
