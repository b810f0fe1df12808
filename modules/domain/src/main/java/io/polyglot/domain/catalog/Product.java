package io.polyglot.domain.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.ValidationException;

/**
 * A product of the catalog: its attributes were checked against its category's schema.
 * {@code stock} is what can still be ordered; {@code version} counts catalog edits
 * (administrator writes), not stock reservations, which change stock atomically without
 * touching it.
 */
public record Product(ProductId id, String sku, String name, String description, CategoryCode category, Money price,
		int stock, Map<String, Object> attributes, long version) {

	/** Longest SKU. */
	public static final int MAX_SKU_LENGTH = 64;

	/** Longest name. */
	public static final int MAX_NAME_LENGTH = 200;

	/** Longest description. */
	public static final int MAX_DESCRIPTION_LENGTH = 2000;

	/** Most units one product may hold in stock. */
	public static final int MAX_STOCK = 1_000_000_000;

	public Product {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(sku, "sku");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(price, "price");
		attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		if (stock < 0) {
			throw new ValidationException("stock", "must not be negative");
		}
	}

}
