package io.polyglot.domain.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.shared.Money;

/**
 * Port to the stock in the catalog (MongoDB), as orders use it. Every change is an atomic
 * conditional update of one product document and is idempotent per order: the product
 * keeps a hold per order, so a retried or redelivered reserve, release or sale changes
 * stock at most once.
 */
public interface Stock {

	/** Name and current price of each product that exists; unknown ids are absent. */
	Map<UUID, Orderable> orderables(Collection<UUID> productIds);

	/** Name and current price of a product that can be ordered; empty when unknown. */
	default Optional<Orderable> orderable(UUID productId) {
		return Optional.ofNullable(orderables(List.of(productId)).get(productId));
	}

	/**
	 * Holds {@code quantity} units for the order if that many are in stock.
	 * @return true when held now or already held for this order, false when short
	 */
	boolean reserve(UUID productId, UUID orderId, int quantity);

	/** Gives the order's held units back to stock; nothing when it holds none. */
	void release(UUID productId, UUID orderId);

	/** Turns the order's held units into sold units; nothing when it holds none. */
	void sell(UUID productId, UUID orderId);

	/** Every product's counts, for reconciliation. */
	List<Level> levels();

	/**
	 * Whether reserve, release and sell join the caller's
	 * {@link io.polyglot.domain.shared.Transactions transaction}: true when the stock
	 * lives in the same PostgreSQL as the orders, so placing an order reserves inside the
	 * order's own transaction and a failed order's rollback takes its reservations back,
	 * with no compensation step.
	 */
	default boolean sharesTransactions() {
		return false;
	}

	/** What an order copies from the catalog. */
	record Orderable(UUID id, String name, Money price) {
	}

	/**
	 * One product's counts: {@code received == inStock + held + sold} when no unit leaked
	 * anywhere on the way.
	 */
	record Level(UUID productId, long received, long inStock, long sold, Map<UUID, Integer> holds) {

		public long held() {
			return this.holds.values().stream().mapToLong(Integer::longValue).sum();
		}

	}

}
