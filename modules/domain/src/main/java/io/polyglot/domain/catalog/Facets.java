package io.polyglot.domain.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of products per attribute value among the products a search matches, for
 * narrowing a search.
 */
public record Facets(Map<String, List<ValueCount>> attributes) {

	/** Most values reported per attribute, most frequent first. */
	public static final int MAX_VALUES_PER_ATTRIBUTE = 50;

	public Facets {
		attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	/** How many matching products have this value. */
	public record ValueCount(Object value, long count) {
	}

}
