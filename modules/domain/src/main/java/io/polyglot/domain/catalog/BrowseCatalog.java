package io.polyglot.domain.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Public reads of the catalog: categories, one product, search and facets. Search input
 * arrives as text and leaves as a typed {@link ProductQuery}: attribute names must be in
 * the category's schema and values are parsed by its types.
 */
public final class BrowseCatalog {

	/** Most attribute filters one search may carry. */
	public static final int MAX_FILTERS = 10;

	private final Catalog catalog;

	private final DefaultCategories defaults;

	private final String currency;

	public BrowseCatalog(Catalog catalog, DefaultCategories defaults, String currency) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.defaults = Objects.requireNonNull(defaults, "defaults");
		this.currency = Money.zero(currency).currency();
	}

	public List<Category> categories() {
		this.defaults.ensure();
		return this.catalog.categories();
	}

	/**
	 * @throws NotFoundException when there is no such product
	 */
	public Product product(ProductId productId) {
		return this.catalog.product(productId)
			.orElseThrow(() -> new NotFoundException("No product " + productId + "."));
	}

	/** One page of matching products. */
	public Page<Product> search(SearchInput input, PageRequest page) {
		return this.catalog.search(query(input, false).query(), page);
	}

	/** Attribute value counts among matching products; the category is required. */
	public Facets facets(SearchInput input) {
		Parsed parsed = query(input, true);
		return this.catalog.facets(parsed.query(), Objects.requireNonNull(parsed.category()));
	}

	private Parsed query(SearchInput input, boolean categoryRequired) {
		List<FieldError> errors = new ArrayList<>();
		Category category = null;
		if (input.category() == null) {
			if (categoryRequired) {
				errors.add(new FieldError("category", "is required"));
			}
			else if (!input.attributes().isEmpty()) {
				errors.add(new FieldError("category", "is required to filter by attributes"));
			}
		}
		else {
			try {
				CategoryCode code = new CategoryCode(input.category());
				this.defaults.ensure();
				category = this.catalog.category(code).orElse(null);
				if (category == null) {
					errors.add(new FieldError("category", "is not a known category"));
				}
			}
			catch (ValidationException ex) {
				errors.addAll(ex.errors());
			}
		}
		List<String> terms = collect(() -> SearchTerms.ofQuery(input.q()), errors, List.of());
		Money min = collect(() -> price("minPrice", input.minPrice()), errors, null);
		Money max = collect(() -> price("maxPrice", input.maxPrice()), errors, null);
		ProductSort sort = collect(() -> ProductSort.parse(input.sort()), errors, ProductSort.NAME);
		List<AttributeFilter> filters = new ArrayList<>();
		if (input.attributes().size() > MAX_FILTERS) {
			errors.add(new FieldError("attr", "at most " + MAX_FILTERS + " attribute filters"));
		}
		else if (category != null) {
			Category schema = category;
			for (Map.Entry<String, String> entry : input.attributes().entrySet()) {
				AttributeFilter filter = collect(() -> filter(schema, entry.getKey(), entry.getValue()), errors, null);
				if (filter != null) {
					filters.add(filter);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Parsed(new ProductQuery((category != null) ? category.code() : null, terms, min, max, filters, sort),
				category);
	}

	/** A filter from {@code attr.<name>}, {@code attr.<name>.gte} or {@code .lte}. */
	private static AttributeFilter filter(Category category, String key, String value) {
		String name = key;
		AttributeFilter.Operator operator = AttributeFilter.Operator.EQUALS;
		if (key.endsWith(".gte")) {
			name = key.substring(0, key.length() - 4);
			operator = AttributeFilter.Operator.AT_LEAST;
		}
		else if (key.endsWith(".lte")) {
			name = key.substring(0, key.length() - 4);
			operator = AttributeFilter.Operator.AT_MOST;
		}
		String field = "attr." + Category.printable(key);
		String attributeName = name;
		AttributeDefinition definition = category.attribute(attributeName)
			.orElseThrow(() -> new ValidationException(field, "is not an attribute of category " + category.code()));
		if (operator != AttributeFilter.Operator.EQUALS && !definition.type().isOrdered()) {
			throw new ValidationException(field, "ranges need an integer or number attribute");
		}
		return new AttributeFilter(attributeName, operator, definition.parse(field, value));
	}

	private @Nullable Money price(String field, @Nullable String text) {
		if (text == null) {
			return null;
		}
		if (text.length() > 20 || !text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
			throw new ValidationException(field, "must be an amount such as \"12.50\"");
		}
		return Money.parse(text, this.currency);
	}

	private static <T> T collect(java.util.function.Supplier<T> parse, List<FieldError> errors, T fallback) {
		try {
			return parse.get();
		}
		catch (ValidationException ex) {
			errors.addAll(ex.errors());
			return fallback;
		}
	}

	/**
	 * Search parameters as text, as they came in the request.
	 *
	 * @param attributes filters by key after {@code attr.}: {@code pages},
	 * {@code pages.gte}, {@code pages.lte}
	 */
	public record SearchInput(@Nullable String category, @Nullable String q, @Nullable String minPrice,
			@Nullable String maxPrice, @Nullable String sort, Map<String, String> attributes) {

		public SearchInput {
			attributes = Map.copyOf(attributes);
		}

	}

	private record Parsed(ProductQuery query, @Nullable Category category) {
	}

}
