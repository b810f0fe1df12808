package io.polyglot.domain.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Money;

/**
 * Stock per product in a map, for use-case tests: each change is atomic and idempotent
 * per order, as the MongoDB adapter's conditional updates are.
 */
public final class InMemoryStock implements Stock {

	private final Map<UUID, Product> products = new LinkedHashMap<>();

	/** Adds a product with its units in stock; returns its id. */
	public synchronized UUID add(String name, Money price, int inStock) {
		UUID id = UUID.randomUUID();
		this.products.put(id, new Product(id, name, price, inStock));
		return id;
	}

	@Override
	public synchronized Map<UUID, Orderable> orderables(Collection<UUID> productIds) {
		Map<UUID, Orderable> found = new LinkedHashMap<>();
		for (UUID id : productIds) {
			Product product = this.products.get(id);
			if (product != null) {
				found.put(id, new Orderable(id, product.name, product.price));
			}
		}
		return found;
	}

	@Override
	public synchronized boolean reserve(UUID productId, UUID orderId, int quantity) {
		Product product = this.products.get(productId);
		if (product == null) {
			return false;
		}
		if (product.holds.containsKey(orderId) || product.soldTo.containsKey(orderId)) {
			return true;
		}
		if (product.inStock < quantity) {
			return false;
		}
		product.inStock -= quantity;
		product.holds.put(orderId, quantity);
		return true;
	}

	@Override
	public synchronized void release(UUID productId, UUID orderId) {
		Product product = this.products.get(productId);
		if (product != null) {
			Integer held = product.holds.remove(orderId);
			if (held != null) {
				product.inStock += held;
			}
		}
	}

	@Override
	public synchronized void sell(UUID productId, UUID orderId) {
		Product product = this.products.get(productId);
		if (product != null) {
			Integer held = product.holds.remove(orderId);
			if (held != null) {
				product.sold += held;
				product.soldTo.put(orderId, held);
			}
		}
	}

	@Override
	public synchronized List<Level> levels() {
		List<Level> levels = new ArrayList<>();
		for (Product product : this.products.values()) {
			levels
				.add(new Level(product.id, product.received, product.inStock, product.sold, Map.copyOf(product.holds)));
		}
		return levels;
	}

	/** Units of the product in stock now. */
	public synchronized long inStock(UUID productId) {
		return this.products.get(productId).inStock;
	}

	private static final class Product {

		final UUID id;

		final String name;

		final Money price;

		final long received;

		long inStock;

		long sold;

		final Map<UUID, Integer> holds = new LinkedHashMap<>();

		final Map<UUID, Integer> soldTo = new LinkedHashMap<>();

		Product(UUID id, String name, Money price, long inStock) {
			this.id = id;
			this.name = name;
			this.price = price;
			this.received = inStock;
			this.inStock = inStock;
		}

	}

}
