package io.polyglot.domain.catalog;

import java.util.List;

import io.polyglot.domain.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A validated product search: every part is typed, so the adapter only ever maps values,
 * never text from the caller, into its query.
 *
 * @param category only products of this category, or all when null
 * @param terms normalized search words that must all occur (see {@link SearchTerms})
 * @param minPrice lowest price, inclusive
 * @param maxPrice highest price, inclusive
 * @param filters attribute filters, only with a category
 * @param sort the order of the results
 */
public record ProductQuery(@Nullable CategoryCode category, List<String> terms, @Nullable Money minPrice,
		@Nullable Money maxPrice, List<AttributeFilter> filters, ProductSort sort) {

	public ProductQuery {
		terms = List.copyOf(terms);
		filters = List.copyOf(filters);
		if (!filters.isEmpty() && category == null) {
			throw new IllegalArgumentException("attribute filters need a category");
		}
	}

	/** Everything, by name. */
	public static ProductQuery all() {
		return new ProductQuery(null, List.of(), null, null, List.of(), ProductSort.NAME);
	}

}
