package io.polyglot.domain.order;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;

/**
 * The lookups the order use cases share: an order the caller may act on, and the wallet
 * an order is paid from or refunded to.
 */
final class OrderAccess {

	private OrderAccess() {
	}

	/** Locks the order if the caller owns it, or any order for an administrator. */
	static Order lockOwned(Orders orders, UUID orderId, CustomerId caller, boolean admin) {
		Order order = orders.lock(orderId).orElseThrow(() -> noOrder(orderId));
		// another customer's order is "not found": its existence is not theirs to learn
		if (!admin && !order.customer().equals(caller)) {
			throw noOrder(orderId);
		}
		return order;
	}

	/** Locks the wallet account of the order's customer. */
	static Account walletOf(Accounts accounts, CustomerId customer) {
		Account account = accounts.lockOfCustomers(List.of(customer)).get(customer);
		if (account == null) {
			throw new NotFoundException("Customer " + customer + " has no wallet account.");
		}
		return account;
	}

	static NotFoundException noOrder(UUID orderId) {
		return new NotFoundException("No order " + orderId + ".");
	}

}
