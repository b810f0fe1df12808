package io.polyglot.domain.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.catalog.BrowseCatalog.SearchInput;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import io.polyglot.domain.support.InMemoryCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The public catalog reads against the fake: search text becomes a typed query whose
 * attribute names are in the category's schema and whose values are parsed by its types;
 * everything else is a 400 naming each bad parameter at once, before the store is asked.
 */
class BrowseCatalogTest {

	private static final CategoryCode BOOK = new CategoryCode("book");

	private static final CategoryCode TV = new CategoryCode("tv");

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	private final BrowseCatalog browse = new BrowseCatalog(this.catalog, new DefaultCategories(this.catalog), "EUR");

	@BeforeEach
	void products() {
		new DefaultCategories(this.catalog).ensure();
		add(BOOK, "Dune", "9.99", Map.of("author", "Frank Herbert", "pages", 412L));
		add(BOOK, "Dune Messiah", "12.00", Map.of("author", "Frank Herbert", "pages", 256L));
		add(BOOK, "Emma", "4.50", Map.of("author", "Jane Austen", "pages", 474L));
		add(TV, "Dune on screen", "499.00", Map.of("inches", 55.0, "resolution", "4K"));
	}

	@Test
	void theDefaultCategoriesAreSeededOnFirstRead() {
		InMemoryCatalog empty = new InMemoryCatalog();

		assertThat(new BrowseCatalog(empty, new DefaultCategories(empty), "EUR").categories())
			.extracting((category) -> category.code().value())
			.containsExactly("book", "shoe", "tv");
	}

	@Test
	void searchFiltersByTypedAttributesOfTheCategorysSchema() {
		assertThat(names(search("book", null, null, null, null, Map.of("pages.gte", "300", "pages.lte", "450"))))
			.containsExactly("Dune");
		assertThat(names(search("book", null, null, null, "-price", Map.of("author", "Frank Herbert"))))
			.containsExactly("Dune Messiah", "Dune");
		assertThat(names(search("tv", null, null, null, null, Map.of("inches.gte", "50", "resolution", "4K"))))
			.containsExactly("Dune on screen");
	}

	@Test
	void searchWithoutACategoryFindsWordsAcrossCategoriesAndPrices() {
		assertThat(names(search(null, "dune", null, null, "price", Map.of()))).containsExactly("Dune", "Dune Messiah",
				"Dune on screen");
		assertThat(names(search(null, "DUNE", "10", "100.00", null, Map.of()))).containsExactly("Dune Messiah");
	}

	@Test
	void badParametersAreNamedAtOnceBeforeTheStoreIsAsked() {
		Map<String, String> attributes = new HashMap<>();
		attributes.put("colour", "red");
		attributes.put("author.gte", "A");
		attributes.put("pages", "many");

		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> search("book", "x".repeat(SearchTerms.MAX_QUERY_LENGTH + 1), "-1", "1.234", "newest", attributes))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactlyInAnyOrder("q", "minPrice", "maxPrice", "sort",
					"attr.colour", "attr.author.gte", "attr.pages"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> search("book", null, null, null, null, Map.of("author.gte", "A")))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("attr.author.gte", "ranges need an integer or number attribute")));
	}

	@Test
	void attributeFiltersNeedAKnownCategoryAndAreCapped() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> search(null, null, null, null, null, Map.of("pages", "1")))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("category", "is required to filter by attributes")));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> search("vinyl", null, null, null, null, Map.of()))
			.satisfies((ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("category", "is not a known category")));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> search("Books!", null, null, null, null, Map.of()))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("category"));
		Map<String, String> many = new HashMap<>();
		for (int i = 0; i <= BrowseCatalog.MAX_FILTERS; i++) {
			many.put("a" + i, "x");
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> search("book", null, null, null, null, many))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attr"));
	}

	@Test
	void facetsNeedACategoryAndCountAmongMatches() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.browse.facets(new SearchInput(null, "dune", null, null, null, Map.of())))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("category", "is required")));

		Facets facets = this.browse.facets(new SearchInput("book", "dune", null, null, null, Map.of()));

		assertThat(facets.attributes().get("author")).containsExactly(new Facets.ValueCount("Frank Herbert", 2));
		assertThat(facets.attributes()).containsOnlyKeys("author", "pages");
	}

	@Test
	void anUnknownProductIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.browse.product(ProductId.random()));
	}

	private void add(CategoryCode category, String name, String price, Map<String, Object> attributes) {
		this.catalog.add(new Product(ProductId.random(), CatalogContract.freshSku(), name, "", category,
				Money.parse(price, "EUR"), 1, attributes, 0));
	}

	private List<Product> search(String category, String q, String minPrice, String maxPrice, String sort,
			Map<String, String> attributes) {
		return this.browse
			.search(new SearchInput(category, q, minPrice, maxPrice, sort, attributes), PageRequest.first())
			.items();
	}

	private static List<String> names(List<Product> products) {
		return products.stream().map(Product::name).toList();
	}

	private static List<String> fields(ValidationException ex) {
		return ex.errors().stream().map(FieldError::field).toList();
	}

}
