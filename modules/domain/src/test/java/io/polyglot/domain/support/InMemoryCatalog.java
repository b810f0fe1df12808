package io.polyglot.domain.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Facets;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.catalog.SearchTerms;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The catalog and its stock in maps, for use-case tests; passes the same
 * {@code CatalogContract} as the MongoDB and PostgreSQL adapters
 * ({@code InMemoryCatalogContractTest}). Every method is one synchronized step, as each
 * adapter call is one atomic update: search words, sorts (name without regard to case,
 * price, ties by id), keyset cursors ({@code sort \n key \n id}, as the adapters write
 * them), holds per order and the {@code version} that only catalog edits bump.
 */
public final class InMemoryCatalog implements Catalog, Stock, CatalogImport {

	private static final char SEPARATOR = '\n';

	private final Map<CategoryCode, Category> categories = new LinkedHashMap<>();

	private final Map<ProductId, Entry> products = new LinkedHashMap<>();

	@Override
	public synchronized List<Category> categories() {
		return this.categories.values()
			.stream()
			.sorted(Comparator.comparing((Category category) -> category.code().value()))
			.toList();
	}

	@Override
	public synchronized Optional<Category> category(CategoryCode code) {
		return Optional.ofNullable(this.categories.get(code));
	}

	@Override
	public synchronized boolean putCategory(Category category) {
		return this.categories.put(category.code(), category) == null;
	}

	@Override
	public synchronized boolean addCategoryIfAbsent(Category category) {
		return this.categories.putIfAbsent(category.code(), category) == null;
	}

	@Override
	public synchronized void add(Product product) {
		requireFreeSku(product);
		this.products.put(product.id(), new Entry(product, product.stock(), 0));
	}

	@Override
	public synchronized boolean importProduct(Product product, Stock.Level level) {
		if (this.products.containsKey(product.id())) {
			return false;
		}
		requireFreeSku(product);
		Entry entry = new Entry(product, level.received(), level.sold());
		entry.stock(level.inStock());
		entry.holds.putAll(level.holds());
		this.products.put(product.id(), entry);
		return true;
	}

	@Override
	public synchronized Optional<Product> product(ProductId id) {
		return Optional.ofNullable(this.products.get(id)).map((entry) -> entry.product);
	}

	@Override
	public synchronized Product update(Product product, long expectedVersion, int stockChange) {
		Entry entry = this.products.get(product.id());
		if (entry == null) {
			throw new NotFoundException("No product " + product.id() + ".");
		}
		if (entry.product.version() != expectedVersion) {
			throw new ConflictException("Product " + product.id() + " was changed meanwhile (now at version "
					+ entry.product.version() + "); read it again.");
		}
		if (entry.product.stock() + (long) stockChange < 0) {
			throw new ConflictException("Product " + product.id() + " has only " + entry.product.stock()
					+ " units left; the stock cannot go below zero.");
		}
		requireFreeSku(product);
		entry.product = new Product(product.id(), product.sku(), product.name(), product.description(),
				product.category(), product.price(), entry.product.stock() + stockChange, product.attributes(),
				expectedVersion + 1);
		entry.received += stockChange;
		return entry.product;
	}

	@Override
	public synchronized boolean remove(ProductId id) {
		Entry entry = this.products.get(id);
		if (entry == null) {
			return false;
		}
		if (!entry.holds.isEmpty()) {
			throw new ConflictException("Product " + id + " has units held by open orders; it cannot be deleted "
					+ "until they are shipped or cancelled.");
		}
		this.products.remove(id);
		return true;
	}

	@Override
	public synchronized Page<Product> search(ProductQuery query, PageRequest page) {
		Comparator<Product> order = order(query.sort());
		Product after = (page.cursor() != null) ? decode(page.cursor(), query.sort()) : null;
		List<Product> found = matching(query).stream()
			.filter((product) -> after == null || order.compare(product, after) > 0)
			.sorted(order)
			.limit(page.limit() + 1L)
			.toList();
		if (found.size() <= page.limit()) {
			return new Page<>(found, null);
		}
		List<Product> items = found.subList(0, page.limit());
		return new Page<>(items, encode(items.get(items.size() - 1), query.sort()));
	}

	@Override
	public synchronized Facets facets(ProductQuery query, Category category) {
		Map<String, List<Facets.ValueCount>> facets = new LinkedHashMap<>();
		List<Product> matches = matching(query);
		for (var attribute : category.attributes()) {
			Map<Object, Long> counts = new LinkedHashMap<>();
			for (Product product : matches) {
				Object value = product.attributes().get(attribute.name());
				if (value != null) {
					counts.merge(value, 1L, Long::sum);
				}
			}
			facets.put(attribute.name(),
					counts.entrySet()
						.stream()
						.sorted(Map.Entry.<Object, Long>comparingByValue()
							.reversed()
							.thenComparing((count) -> String.valueOf(count.getKey())))
						.limit(Facets.MAX_VALUES_PER_ATTRIBUTE)
						.map((count) -> new Facets.ValueCount(count.getKey(), count.getValue()))
						.toList());
		}
		return new Facets(facets);
	}

	@Override
	public synchronized Map<UUID, Orderable> orderables(Collection<UUID> productIds) {
		Map<UUID, Orderable> found = new LinkedHashMap<>();
		for (UUID id : productIds) {
			Entry entry = this.products.get(new ProductId(id));
			if (entry != null) {
				found.put(id, new Orderable(id, entry.product.name(), entry.product.price()));
			}
		}
		return found;
	}

	@Override
	public synchronized boolean reserve(UUID productId, UUID orderId, int quantity) {
		Entry entry = this.products.get(new ProductId(productId));
		if (entry == null) {
			return false;
		}
		if (entry.holds.containsKey(orderId)) {
			// a retry: this order holds its units already
			return true;
		}
		if (entry.product.stock() < quantity) {
			return false;
		}
		entry.stock(entry.product.stock() - quantity);
		entry.holds.put(orderId, quantity);
		return true;
	}

	@Override
	public synchronized void release(UUID productId, UUID orderId) {
		Entry entry = this.products.get(new ProductId(productId));
		Integer held = (entry != null) ? entry.holds.remove(orderId) : null;
		if (held != null) {
			entry.stock(entry.product.stock() + held);
		}
	}

	@Override
	public synchronized void sell(UUID productId, UUID orderId) {
		Entry entry = this.products.get(new ProductId(productId));
		Integer held = (entry != null) ? entry.holds.remove(orderId) : null;
		if (held != null) {
			entry.sold += held;
		}
	}

	@Override
	public synchronized List<Level> levels() {
		List<Level> levels = new ArrayList<>();
		for (Entry entry : this.products.values()) {
			levels.add(new Level(entry.product.id().value(), entry.received, entry.product.stock(), entry.sold,
					Map.copyOf(entry.holds)));
		}
		return levels;
	}

	private void requireFreeSku(Product product) {
		for (Entry entry : this.products.values()) {
			if (entry.product.sku().equals(product.sku()) && !entry.product.id().equals(product.id())) {
				throw new ConflictException("SKU " + product.sku() + " is already taken.");
			}
		}
	}

	private List<Product> matching(ProductQuery query) {
		List<Product> matches = new ArrayList<>();
		for (Entry entry : this.products.values()) {
			Product product = entry.product;
			if (query.category() != null && !query.category().equals(product.category())) {
				continue;
			}
			if (!SearchTerms.of(product.name(), product.description(), product.sku()).containsAll(query.terms())) {
				continue;
			}
			if (query.minPrice() != null && product.price().amount().compareTo(query.minPrice().amount()) < 0) {
				continue;
			}
			if (query.maxPrice() != null && product.price().amount().compareTo(query.maxPrice().amount()) > 0) {
				continue;
			}
			if (query.filters().stream().allMatch((filter) -> matches(filter, product.attributes()))) {
				matches.add(product);
			}
		}
		return matches;
	}

	private static boolean matches(AttributeFilter filter, Map<String, Object> attributes) {
		Object value = attributes.get(filter.name());
		if (value == null) {
			return false;
		}
		if (filter.operator() == AttributeFilter.Operator.EQUALS) {
			return Objects.equals(comparable(value), comparable(filter.value()));
		}
		Integer compared = compare(value, filter.value());
		if (compared == null) {
			// numbers compare with numbers and text with text only, as in both stores
			return false;
		}
		return (filter.operator() == AttributeFilter.Operator.AT_LEAST) ? compared >= 0 : compared <= 0;
	}

	private static Object comparable(Object value) {
		return (value instanceof Number number) ? new BigDecimal(number.toString()).stripTrailingZeros() : value;
	}

	private static @Nullable Integer compare(Object value, Object bound) {
		if (value instanceof Number && bound instanceof Number) {
			return ((BigDecimal) comparable(value)).compareTo((BigDecimal) comparable(bound));
		}
		if (value instanceof String text && bound instanceof String other) {
			return text.compareTo(other);
		}
		return null;
	}

	private static Comparator<Product> order(ProductSort sort) {
		Comparator<Product> byId = Comparator.comparing((Product product) -> product.id().value());
		return switch (sort) {
			case NAME -> Comparator.comparing((Product product) -> nameKey(product)).thenComparing(byId);
			case PRICE_ASCENDING ->
				Comparator.comparing((Product product) -> product.price().amount()).thenComparing(byId);
			case PRICE_DESCENDING ->
				Comparator.comparing((Product product) -> product.price().amount()).thenComparing(byId).reversed();
		};
	}

	private static String nameKey(Product product) {
		return product.name().toLowerCase(Locale.ROOT);
	}

	private static long cents(Money price) {
		return price.amount().movePointRight(Money.SCALE).longValueExact();
	}

	private static Cursor encode(Product last, ProductSort sort) {
		Object key = (sort == ProductSort.NAME) ? nameKey(last) : cents(last.price());
		return Cursor.encode(sort.apiName() + SEPARATOR + key + SEPARATOR + last.id());
	}

	/**
	 * A stand-in product at the cursor's position (only its sort key and id matter), or a
	 * validation error on {@code cursor} for one issued for another sort or tampered with
	 * by a client.
	 */
	private static Product decode(Cursor cursor, ProductSort sort) {
		String text = cursor.decode();
		int first = text.indexOf(SEPARATOR);
		int last = text.lastIndexOf(SEPARATOR);
		if (first < 0 || first == last || !text.substring(0, first).equals(sort.apiName())) {
			throw Cursor.invalid();
		}
		String key = text.substring(first + 1, last);
		String id = text.substring(last + 1);
		try {
			UUID uuid = UUID.fromString(id);
			if (!id.equals(uuid.toString())) {
				throw Cursor.invalid();
			}
			// a name key is lower case already, so it sorts as itself
			Money price = (sort == ProductSort.NAME) ? Money.zero("EUR")
					: new Money(BigDecimal.valueOf(Long.parseLong(key), Money.SCALE), "EUR");
			return new Product(new ProductId(uuid), "", key, "", new CategoryCode("cursor"), price, 0, new TreeMap<>(),
					0);
		}
		catch (IllegalArgumentException ex) {
			throw Cursor.invalid();
		}
	}

	/** One product with the counts the product record does not carry. */
	private static final class Entry {

		Product product;

		long received;

		long sold;

		final Map<UUID, Integer> holds = new LinkedHashMap<>();

		Entry(Product product, long received, long sold) {
			this.product = product;
			this.received = received;
			this.sold = sold;
		}

		/** Changes the units in stock; reservations never bump the version. */
		void stock(long stock) {
			Product p = this.product;
			this.product = new Product(p.id(), p.sku(), p.name(), p.description(), p.category(), p.price(), (int) stock,
					p.attributes(), p.version());
		}

	}

}
