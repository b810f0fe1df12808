package io.polyglot.domain.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Money;

/**
 * Stock for order use-case tests: the stock of an {@link InMemoryCatalog}, which passes
 * the catalog contract the MongoDB and PostgreSQL adapters pass, so each change is atomic
 * and idempotent per order as their conditional updates are.
 */
public final class InMemoryStock implements Stock {

	private static final CategoryCode CATEGORY = new CategoryCode("stocked");

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	public InMemoryStock() {
		this.catalog.putCategory(new Category(CATEGORY, "Stocked goods", List.of()));
	}

	/** Adds a product with its units in stock; returns its id. */
	public UUID add(String name, Money price, int inStock) {
		ProductId id = ProductId.random();
		this.catalog.add(new Product(id, "SKU-" + id, name, "", CATEGORY, price, inStock, Map.of(), 0));
		return id.value();
	}

	/** The catalog the stock belongs to. */
	public InMemoryCatalog catalog() {
		return this.catalog;
	}

	@Override
	public Map<UUID, Orderable> orderables(Collection<UUID> productIds) {
		return this.catalog.orderables(productIds);
	}

	@Override
	public boolean reserve(UUID productId, UUID orderId, int quantity) {
		return this.catalog.reserve(productId, orderId, quantity);
	}

	@Override
	public void release(UUID productId, UUID orderId) {
		this.catalog.release(productId, orderId);
	}

	@Override
	public void sell(UUID productId, UUID orderId) {
		this.catalog.sell(productId, orderId);
	}

	@Override
	public List<Level> levels() {
		return this.catalog.levels();
	}

	/** Units of the product in stock now. */
	public long inStock(UUID productId) {
		return this.catalog.product(new ProductId(productId)).orElseThrow().stock();
	}

}
