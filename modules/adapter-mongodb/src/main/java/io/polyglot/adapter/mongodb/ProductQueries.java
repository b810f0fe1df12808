package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.shared.Cursor;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * Turns a typed {@link ProductQuery} into a MongoDB filter and sort. Only values from the
 * query go into the filter, under field names chosen here; nothing the caller typed can
 * become an operator or a field path.
 * <p>
 * Paging is keyset paging: the cursor holds the sort key and the id of the last product
 * of the page, and the next page starts strictly after that pair, so products added
 * meanwhile never shift or repeat items the way a skip offset would.
 */
final class ProductQueries {

	private static final char SEPARATOR = '\n';

	private ProductQueries() {
	}

	/** The filter for the query, without paging. */
	static Bson filter(ProductQuery query) {
		List<Bson> parts = new ArrayList<>();
		if (query.category() != null) {
			parts.add(Filters.eq(ProductDocuments.CATEGORY, query.category().value()));
		}
		if (!query.terms().isEmpty()) {
			parts.add(Filters.all(ProductDocuments.TERMS, query.terms()));
		}
		if (query.minPrice() != null) {
			parts.add(Filters.gte(ProductDocuments.PRICE_CENTS, ProductDocuments.cents(query.minPrice())));
		}
		if (query.maxPrice() != null) {
			parts.add(Filters.lte(ProductDocuments.PRICE_CENTS, ProductDocuments.cents(query.maxPrice())));
		}
		for (AttributeFilter filter : query.filters()) {
			Bson value = switch (filter.operator()) {
				case EQUALS -> Filters.eq("v", filter.value());
				case AT_LEAST -> Filters.gte("v", filter.value());
				case AT_MOST -> Filters.lte("v", filter.value());
			};
			parts.add(Filters.elemMatch(ProductDocuments.ATTRS, Filters.and(Filters.eq("k", filter.name()), value)));
		}
		return parts.isEmpty() ? new Document() : Filters.and(parts);
	}

	/** The filter for one page: the query's, plus "after the cursor's position". */
	static Bson pageFilter(ProductQuery query, @Nullable Cursor cursor) {
		Bson filter = filter(query);
		if (cursor == null) {
			return filter;
		}
		Position position = Position.decode(cursor, query.sort());
		String field = sortField(query.sort());
		boolean descending = query.sort() == ProductSort.PRICE_DESCENDING;
		Bson after = Filters.or(descending ? Filters.lt(field, position.key()) : Filters.gt(field, position.key()),
				Filters.and(Filters.eq(field, position.key()),
						descending ? Filters.lt(ProductDocuments.ID, position.id())
								: Filters.gt(ProductDocuments.ID, position.id())));
		return Filters.and(filter, after);
	}

	static Bson sort(ProductSort sort) {
		return switch (sort) {
			case NAME -> Sorts.ascending(ProductDocuments.NAME_KEY, ProductDocuments.ID);
			case PRICE_ASCENDING -> Sorts.ascending(ProductDocuments.PRICE_CENTS, ProductDocuments.ID);
			case PRICE_DESCENDING -> Sorts.descending(ProductDocuments.PRICE_CENTS, ProductDocuments.ID);
		};
	}

	static String sortField(ProductSort sort) {
		return (sort == ProductSort.NAME) ? ProductDocuments.NAME_KEY : ProductDocuments.PRICE_CENTS;
	}

	/** The cursor after this document, for the query's sort. */
	static Cursor cursorAfter(Document last, ProductSort sort) {
		Object key = last.get(sortField(sort));
		return Cursor.encode(sort.apiName() + SEPARATOR + key + SEPARATOR + last.getString(ProductDocuments.ID));
	}

	/** A decoded keyset position: the sort key and the id of the last item seen. */
	record Position(Object key, String id) {

		/**
		 * Decodes and checks a cursor issued for this sort; anything else is a validation
		 * error on {@code cursor}.
		 */
		static Position decode(Cursor cursor, ProductSort sort) {
			String text = cursor.decode();
			int first = text.indexOf(SEPARATOR);
			int last = text.lastIndexOf(SEPARATOR);
			if (first < 0 || first == last || !text.substring(0, first).equals(sort.apiName())) {
				throw Cursor.invalid();
			}
			String key = text.substring(first + 1, last);
			String id = text.substring(last + 1);
			try {
				UUID.fromString(id);
				if (!id.equals(UUID.fromString(id).toString())) {
					throw Cursor.invalid();
				}
				if (sort == ProductSort.NAME) {
					return new Position(key, id);
				}
				return new Position(Long.parseLong(key), id);
			}
			catch (IllegalArgumentException ex) {
				throw Cursor.invalid();
			}
		}

	}

}
