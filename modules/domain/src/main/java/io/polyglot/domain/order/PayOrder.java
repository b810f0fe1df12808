package io.polyglot.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Transactions;

/**
 * Pays a PENDING order from its owner's wallet: the order, the wallet and the event
 * change in one PostgreSQL transaction.
 */
public final class PayOrder {

	private final Orders orders;

	private final Accounts accounts;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	public PayOrder(Orders orders, Accounts accounts, Transactions transactions, Outbox outbox, Clock clock) {
		this.orders = Objects.requireNonNull(orders, "orders");
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Pays a PENDING order from the owner's wallet, in one transaction.
	 * @throws NotFoundException when there is no such order of the caller's
	 * @throws io.polyglot.domain.shared.ConflictException when it is not PENDING
	 * @throws BusinessRuleException for insufficient funds; nothing changes
	 */
	public Order pay(CustomerId caller, UUID orderId) {
		return this.transactions.inTransaction(() -> {
			Order order = OrderAccess.lockOwned(this.orders, orderId, caller, false);
			Instant now = this.clock.now();
			Order paid = order.moveTo(OrderStatus.PAID, now);
			Account account = OrderAccess.walletOf(this.accounts, order.customer());
			Posting payment = account.debit(order.total(), EntryKind.ORDER_PAYMENT, order.id(), now);
			this.accounts.post(payment);
			this.orders.update(paid);
			this.outbox.add(OrderEvents.paid(paid, payment.entry().id()), paid.updatedAt());
			return paid;
		});
	}

}
