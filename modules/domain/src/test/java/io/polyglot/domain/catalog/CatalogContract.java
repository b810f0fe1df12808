package io.polyglot.domain.catalog;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link Catalog} (and the {@link Stock} it serves to orders) must do, run by
 * each implementation's integration test against its real store. Each test works in a
 * category of its own, since the store is shared by the whole test JVM.
 */
public abstract class CatalogContract {

	private static final SecureRandom RANDOM = new SecureRandom();

	protected abstract Catalog catalog();

	protected abstract Stock stock();

	public static CategoryCode freshCode() {
		byte[] bytes = new byte[5];
		RANDOM.nextBytes(bytes);
		return new CategoryCode("c" + HexFormat.of().formatHex(bytes));
	}

	public static String freshSku() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return "SKU-" + HexFormat.of().formatHex(bytes);
	}

	/**
	 * A book-like category: author (string, required), pages (integer), format (enum).
	 */
	protected Category bookCategory() {
		Category category = new Category(freshCode(), "Books",
				List.of(new AttributeDefinition("author", AttributeType.STRING, true, List.of()),
						new AttributeDefinition("pages", AttributeType.INTEGER, false, List.of()),
						new AttributeDefinition("weight", AttributeType.NUMBER, false, List.of()),
						new AttributeDefinition("signed", AttributeType.BOOLEAN, false, List.of()),
						new AttributeDefinition("format", AttributeType.ENUM, false, List.of("paper", "hard"))));
		catalog().putCategory(category);
		return category;
	}

	protected Product product(Category category, String name, String price, int stock, Map<String, Object> attributes) {
		return new Product(ProductId.random(), freshSku(), name, "About " + name, category.code(),
				Money.parse(price, "EUR"), stock, attributes, 0);
	}

	protected Product added(Category category, String name, String price, int stock, Map<String, Object> attributes) {
		Product product = product(category, name, price, stock, attributes);
		catalog().add(product);
		return product;
	}

	protected static ProductQuery in(Category category, ProductSort sort, AttributeFilter... filters) {
		return new ProductQuery(category.code(), List.of(), null, null, List.of(filters), sort);
	}

	protected static List<String> names(Page<Product> page) {
		return page.items().stream().map(Product::name).toList();
	}

	@Test
	protected void putCategoryCreatesThenReplaces() {
		Category category = bookCategory();
		assertThat(catalog().category(category.code())).contains(category);

		Category renamed = new Category(category.code(), "Novels", category.attributes().subList(0, 1));
		assertThat(catalog().putCategory(renamed)).isFalse();
		assertThat(catalog().category(category.code())).contains(renamed);
		assertThat(catalog().categories()).contains(renamed);
	}

	@Test
	protected void addCategoryIfAbsentNeverOverwrites() {
		Category category = bookCategory();
		Category other = new Category(category.code(), "Other", List.of());
		assertThat(catalog().addCategoryIfAbsent(other)).isFalse();
		assertThat(catalog().category(category.code())).contains(category);

		Category fresh = new Category(freshCode(), "Fresh", List.of());
		assertThat(catalog().addCategoryIfAbsent(fresh)).isTrue();
		assertThat(catalog().addCategoryIfAbsent(fresh)).isFalse();
		assertThat(catalog().category(fresh.code())).contains(fresh);
	}

	@Test
	protected void addedProductReadsBackEqualWithTypedAttributes() {
		Category category = bookCategory();
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("author", "Ada");
		attributes.put("pages", 320L);
		attributes.put("weight", 0.45);
		attributes.put("signed", true);
		attributes.put("format", "hard");
		Product product = added(category, "Notes", "12.50", 7, attributes);

		assertThat(catalog().product(product.id())).contains(product);
		assertThat(catalog().product(ProductId.random())).isEmpty();
	}

	@Test
	protected void aSecondProductWithTheSameSkuConflicts() {
		Category category = bookCategory();
		Product first = added(category, "First", "1.00", 1, Map.of("author", "A"));
		Product twin = new Product(ProductId.random(), first.sku(), "Twin", "", category.code(),
				Money.parse("2.00", "EUR"), 1, Map.of("author", "B"), 0);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> catalog().add(twin));
		assertThat(catalog().product(twin.id())).isEmpty();
	}

	@Test
	protected void updateReplacesFieldsBumpsTheVersionAndRefusesAStaleOne() {
		Category category = bookCategory();
		Product product = added(category, "Draft", "5.00", 3, Map.of("author", "A"));
		Product edited = new Product(product.id(), product.sku(), "Final", "new", category.code(),
				Money.parse("6.00", "EUR"), 3, Map.of("author", "B", "pages", 10L), 0);

		Product updated = catalog().update(edited, 0, 0);

		assertThat(updated.version()).isEqualTo(1);
		assertThat(updated.name()).isEqualTo("Final");
		assertThat(catalog().product(product.id())).contains(updated);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> catalog().update(edited, 0, 0));
		assertThat(catalog().product(product.id())).contains(updated);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> catalog().update(new Product(ProductId.random(), freshSku(), "x", "", category.code(),
					Money.parse("1.00", "EUR"), 0, Map.of("author", "A"), 0), 0, 0));
	}

	@Test
	protected void anEditsStockChangeKeepsReservationsMadeMeanwhile() {
		Category category = bookCategory();
		Product product = added(category, "Stocked", "5.00", 10, Map.of("author", "A"));
		// an order reserves 3 after the administrator read stock 10 at version 0
		assertThat(stock().reserve(product.id().value(), UUID.randomUUID(), 3)).isTrue();

		// the administrator asks for 15: a change of +5 against what they read
		Product updated = catalog().update(product, 0, 5);

		assertThat(updated.stock()).isEqualTo(12);
		Stock.Level level = level(product.id());
		assertThat(level.received()).isEqualTo(15);
		assertThat(level.inStock() + level.held() + level.sold()).isEqualTo(level.received());
		assertThat(updated.version()).isEqualTo(1);
	}

	@Test
	protected void aDecreaseBelowZeroConflictsAndChangesNothing() {
		Category category = bookCategory();
		Product product = added(category, "Few", "5.00", 2, Map.of("author", "A"));

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> catalog().update(product, 0, -3));
		assertThat(catalog().product(product.id())).contains(product);
	}

	@Test
	protected void removeDeletesOnce() {
		Category category = bookCategory();
		Product product = added(category, "Gone", "1.00", 1, Map.of("author", "A"));

		assertThat(catalog().remove(product.id())).isTrue();
		assertThat(catalog().product(product.id())).isEmpty();
		assertThat(catalog().remove(product.id())).isFalse();
	}

	@Test
	protected void aProductWithHeldUnitsCannotBeDeletedUntilTheHoldEnds() {
		Category category = bookCategory();
		Product product = added(category, "Ordered", "1.00", 3, Map.of("author", "A"));
		UUID order = UUID.randomUUID();
		assertThat(stock().reserve(product.id().value(), order, 1)).isTrue();

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> catalog().remove(product.id()));
		assertThat(catalog().product(product.id())).isPresent();

		stock().release(product.id().value(), order);
		assertThat(catalog().remove(product.id())).isTrue();
	}

	@Test
	protected void searchFiltersByCategoryWordsPriceAndTypedAttributes() {
		Category category = bookCategory();
		added(category, "Dune", "9.99", 1, Map.of("author", "Frank Herbert", "pages", 412L, "format", "paper"));
		added(category, "Dune Messiah", "12.00", 1, Map.of("author", "Frank Herbert", "pages", 256L));
		added(category, "Emma", "4.50", 1, Map.of("author", "Jane Austen", "pages", 474L, "format", "hard"));
		Category other = bookCategory();
		added(other, "Dune Elsewhere", "1.00", 1, Map.of("author", "X"));

		assertThat(names(catalog().search(in(category, ProductSort.NAME), PageRequest.first()))).containsExactly("Dune",
				"Dune Messiah", "Emma");
		assertThat(names(catalog().search(new ProductQuery(category.code(), SearchTerms.of("DUNE"), null, null,
				List.of(), ProductSort.PRICE_DESCENDING), PageRequest.first())))
			.containsExactly("Dune Messiah", "Dune");
		assertThat(
				names(catalog().search(
						new ProductQuery(category.code(), List.of(), Money.parse("5.00", "EUR"),
								Money.parse("10.00", "EUR"), List.of(), ProductSort.PRICE_ASCENDING),
						PageRequest.first())))
			.containsExactly("Dune");
		assertThat(names(catalog().search(
				in(category, ProductSort.NAME, new AttributeFilter("pages", AttributeFilter.Operator.AT_LEAST, 300L),
						new AttributeFilter("pages", AttributeFilter.Operator.AT_MOST, 450L)),
				PageRequest.first())))
			.containsExactly("Dune");
		assertThat(names(catalog().search(
				in(category, ProductSort.NAME,
						new AttributeFilter("author", AttributeFilter.Operator.EQUALS, "Frank Herbert")),
				PageRequest.first())))
			.containsExactly("Dune", "Dune Messiah");
		assertThat(names(catalog().search(new ProductQuery(category.code(), SearchTerms.of("nothing here"), null, null,
				List.of(), ProductSort.NAME), PageRequest.first())))
			.isEmpty();
	}

	@Test
	protected void keysetPagesStayStableWhileProductsAreAdded() {
		Category category = bookCategory();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			// equal prices force the tie-break on id
			added(category, "Item " + i, (i < 4) ? "3.00" : "4.00", 1, Map.of("author", "A"));
		}
		List<String> seen = new ArrayList<>();
		Page<Product> page = catalog().search(in(category, ProductSort.PRICE_ASCENDING), new PageRequest(3, null));
		seen.addAll(names(page));
		// added before the position already passed: must not appear, nothing may repeat
		added(category, "Cheap newcomer", "1.00", 1, Map.of("author", "A"));
		while (page.nextCursor() != null) {
			page = catalog().search(in(category, ProductSort.PRICE_ASCENDING), new PageRequest(3, page.nextCursor()));
			seen.addAll(names(page));
		}
		for (int i = 0; i < 7; i++) {
			expected.add("Item " + i);
		}
		assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
	}

	@Test
	protected void aCursorForAnotherSortOrATamperedOneIsRefused() {
		Category category = bookCategory();
		for (int i = 0; i < 3; i++) {
			added(category, "P" + i, "1.00", 1, Map.of("author", "A"));
		}
		Cursor byPrice = catalog().search(in(category, ProductSort.PRICE_ASCENDING), new PageRequest(1, null))
			.nextCursor();
		assertThat(byPrice).isNotNull();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> catalog().search(in(category, ProductSort.NAME), new PageRequest(1, byPrice)));
		for (String tampered : List.of("price\n{\"$gt\":0}\n" + UUID.randomUUID(), "price\n1\nnot-a-uuid", "garbage",
				"name\n\n")) {
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> catalog()
				.search(in(category, ProductSort.PRICE_ASCENDING), new PageRequest(1, Cursor.encode(tampered))));
		}
	}

	@Test
	protected void facetsCountAttributeValuesAmongMatches() {
		Category category = bookCategory();
		added(category, "A", "1.00", 1, Map.of("author", "X", "format", "paper"));
		added(category, "B", "1.00", 1, Map.of("author", "X", "format", "paper"));
		added(category, "C", "9.00", 1, Map.of("author", "Y", "format", "hard"));

		Facets facets = catalog().facets(in(category, ProductSort.NAME), category);
		assertThat(facets.attributes().get("format")).containsExactly(new Facets.ValueCount("paper", 2),
				new Facets.ValueCount("hard", 1));
		assertThat(facets.attributes().get("author")).containsExactly(new Facets.ValueCount("X", 2),
				new Facets.ValueCount("Y", 1));
		assertThat(facets.attributes().get("pages")).isEmpty();

		Facets cheap = catalog().facets(new ProductQuery(category.code(), List.of(), null, Money.parse("5.00", "EUR"),
				List.of(), ProductSort.NAME), category);
		assertThat(cheap.attributes().get("format")).containsExactly(new Facets.ValueCount("paper", 2));
	}

	@Test
	protected void fiftyConcurrentReservationsOfOneUnitNeverOversell() throws Exception {
		Category category = bookCategory();
		Product product = added(category, "Hot", "1.00", 10, Map.of("author", "A"));
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Callable<Boolean>> reservations = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			reservations.add(() -> stock().reserve(product.id().value(), UUID.randomUUID(), 1));
		}
		int succeeded = 0;
		try {
			for (Future<Boolean> outcome : pool.invokeAll(reservations)) {
				if (outcome.get()) {
					succeeded++;
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(succeeded).isEqualTo(10);
		Stock.Level level = level(product.id());
		assertThat(level.inStock()).isZero();
		assertThat(level.held()).isEqualTo(10);
		assertThat(level.received()).isEqualTo(10);
		assertThat(catalog().product(product.id()).orElseThrow().version()).as("reservations keep the version")
			.isZero();
	}

	@Test
	protected void reserveReleaseAndSellHappenAtMostOncePerOrder() {
		Category category = bookCategory();
		Product product = added(category, "Held", "1.00", 5, Map.of("author", "A"));
		UUID id = product.id().value();
		UUID cancelled = UUID.randomUUID();
		UUID shipped = UUID.randomUUID();

		assertThat(stock().reserve(id, cancelled, 2)).isTrue();
		assertThat(stock().reserve(id, cancelled, 2)).as("a retried reservation").isTrue();
		assertThat(stock().reserve(id, shipped, 3)).isTrue();
		assertThat(stock().reserve(id, UUID.randomUUID(), 1)).as("nothing left").isFalse();
		assertThat(level(product.id()).inStock()).isZero();

		stock().release(id, cancelled);
		stock().release(id, cancelled);
		stock().sell(id, shipped);
		stock().sell(id, shipped);

		Stock.Level level = level(product.id());
		assertThat(level.inStock()).isEqualTo(2);
		assertThat(level.sold()).isEqualTo(3);
		assertThat(level.holds()).isEmpty();
		assertThat(level.received()).isEqualTo(level.inStock() + level.held() + level.sold());
		assertThat(stock().orderable(id)).contains(new Stock.Orderable(id, "Held", Money.parse("1.00", "EUR")));
		assertThat(stock().orderable(UUID.randomUUID())).isEmpty();
		assertThat(stock().reserve(UUID.randomUUID(), UUID.randomUUID(), 1)).as("unknown product").isFalse();
	}

	@Test
	protected void pricesAreKeptExactly() {
		Category category = bookCategory();
		Product product = added(category, "Exact", "0.10", 1, Map.of("author", "A"));
		assertThat(catalog().product(product.id()).orElseThrow().price().amount()).isEqualTo(new BigDecimal("0.10"));
	}

	protected Stock.Level level(ProductId id) {
		return stock().levels()
			.stream()
			.filter((level) -> level.productId().equals(id.value()))
			.findFirst()
			.orElseThrow();
	}

}
