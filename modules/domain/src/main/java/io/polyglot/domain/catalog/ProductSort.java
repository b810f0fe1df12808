package io.polyglot.domain.catalog;

import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/** The orders a product list can come in; ties are broken by product id. */
public enum ProductSort {

	NAME("name"), PRICE_ASCENDING("price"), PRICE_DESCENDING("-price");

	private final String apiName;

	ProductSort(String apiName) {
		this.apiName = apiName;
	}

	public String apiName() {
		return this.apiName;
	}

	/** Parses {@code name}, {@code price} or {@code -price}; absent means by name. */
	public static ProductSort parse(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return NAME;
		}
		for (ProductSort sort : values()) {
			if (sort.apiName.equals(text)) {
				return sort;
			}
		}
		throw new ValidationException("sort", "must be one of name, price, -price");
	}

}
