package io.polyglot.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog API end to end: default categories, schemas, products validated against
 * them, optimistic concurrency, search with keyset paging, facets, admin-only writes and
 * the events each write records.
 */
class CatalogIT extends CatalogTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void aFreshCatalogHasTheDefaultCategoriesForAnyone() {
		List<Map<String, Object>> items = (List<Map<String, Object>>) getOk("/api/v1/categories").get("items");
		Map<String, Object> book = items.stream().filter((c) -> "book".equals(c.get("code"))).findFirst().orElseThrow();

		assertThat(items).extracting((c) -> c.get("code")).contains("book", "tv", "shoe");
		assertThat((List<Map<String, Object>>) book.get("attributes")).extracting((a) -> a.get("name"))
			.containsExactly("author", "pages");
		Map<String, Object> tv = items.stream().filter((c) -> "tv".equals(c.get("code"))).findFirst().orElseThrow();
		assertThat((List<Map<String, Object>>) tv.get("attributes")).anySatisfy((attribute) -> {
			assertThat(attribute.get("name")).isEqualTo("resolution");
			assertThat(attribute.get("type")).isEqualTo("enum");
			assertThat((List<String>) attribute.get("values")).contains("4K");
		});
	}

	@Test
	void puttingACategoryTwiceCreatesThenReplaces() {
		String admin = adminToken();
		String code = unique("put").toLowerCase();

		putCategory(admin, code, BOOK_SCHEMA).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
		putCategory(admin, code, BOOK_SCHEMA).expectStatus().isOk();
		putCategory(admin, code, "{\"name\":\"Renamed\",\"attributes\":[]}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Renamed");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProductLivesThroughCreateReadUpdateAndDeleteRecordingEachAsAnEvent() {
		String admin = adminToken();
		String category = freshCategory(admin);
		Map<String, Object> created = createProduct(admin, category, "Dune", "12.50", 5,
				"{\"author\":\"Frank Herbert\",\"pages\":412,\"weight\":0.6,\"signed\":false,\"format\":\"paper\"}");
		String id = (String) created.get("id");

		Map<String, Object> read = getOk("/api/v1/products/" + id);
		assertThat(read).containsEntry("name", "Dune")
			.containsEntry("price", "12.50")
			.containsEntry("currency", "EUR")
			.containsEntry("stock", 5)
			.containsEntry("category", category)
			.containsEntry("version", 0);
		assertThat((Map<String, Object>) read.get("attributes")).containsEntry("pages", 412)
			.containsEntry("weight", 0.6)
			.containsEntry("signed", false);

		String edit = "{\"sku\":\"" + read.get("sku") + "\",\"name\":\"Dune (2nd ed.)\",\"description\":\"\","
				+ "\"category\":\"" + category + "\",\"price\":\"14.00\",\"stock\":8,"
				+ "\"attributes\":{\"author\":\"Frank Herbert\"},\"version\":0}";
		send("PUT", "/api/v1/products/" + id, admin, edit).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.stock")
			.isEqualTo(8)
			.jsonPath("$.price")
			.isEqualTo("14.00");
		problem(send("PUT", "/api/v1/products/" + id, admin, edit), 409);
		assertThat(getOk("/api/v1/products/" + id)).containsEntry("version", 1).containsEntry("name", "Dune (2nd ed.)");

		send("DELETE", "/api/v1/products/" + id, admin, "").expectStatus().isNoContent();
		problem(this.http.get().uri("/api/v1/products/" + id).exchange(), 404);
		problem(send("DELETE", "/api/v1/products/" + id, admin, ""), 404);

		List<String> types = this.jdbc.queryForList(
				"SELECT type FROM outbox WHERE stream = ? AND owner_id IS NULL ORDER BY position", String.class,
				"product:" + id);
		assertThat(types).containsExactly("ProductCreated", "ProductUpdated", "ProductDeleted");
		assertThat(this.jdbc.queryForObject(
				"SELECT payload->>'price' FROM outbox WHERE stream = ? AND type = 'ProductUpdated'", String.class,
				"product:" + id))
			.isEqualTo("14.00");
	}

	@Test
	void aSecondIdenticalPostIsADuplicateSku() {
		String admin = adminToken();
		String category = freshCategory(admin);
		String body = productJson(unique("SKU"), "Twice", category, "1.00", 1, "{\"author\":\"A\"}");

		postProduct(admin, body).expectStatus().isCreated();
		problem(postProduct(admin, body), 409);
		assertThat(namesOf("/api/v1/products?category=" + category)).containsExactly("Twice");
	}

	@Test
	void theDefaultBookCategoryTakesABookRightAway() {
		createProduct(adminToken(), "book", "Right away", "3.00", 1, "{\"author\":\"Ada\",\"pages\":10}");
	}

	@Test
	void productsBreakingTheSchemaAreRefusedNamingTheAttribute() {
		String admin = adminToken();
		String category = freshCategory(admin);

		assertThat(fields(problem(
				postProduct(admin,
						productJson(unique("SKU"), "X", category, "1.00", 1, "{\"author\":\"A\",\"colour\":\"red\"}")),
				400)))
			.containsExactly("attributes.colour");
		assertThat(fields(problem(
				postProduct(admin, productJson(unique("SKU"), "X", category, "1.00", 1, "{\"pages\":10}")), 400)))
			.containsExactly("attributes.author");
		assertThat(fields(problem(postProduct(admin, productJson(unique("SKU"), "X", category, "1.00", 1,
				"{\"author\":\"A\",\"pages\":\"ten\",\"signed\":\"yes\",\"format\":\"scroll\",\"weight\":\"1\"}")),
				400)))
			.containsExactlyInAnyOrder("attributes.pages", "attributes.signed", "attributes.format",
					"attributes.weight");
		assertThat(fields(problem(
				postProduct(admin,
						productJson(unique("SKU"), "X", category, "1.00", 1, "{\"author\":\"A\",\"pages\":10.5}")),
				400)))
			.containsExactly("attributes.pages");
		assertThat(namesOf("/api/v1/products?category=" + category)).isEmpty();
	}

	@Test
	void writesAreForAdministratorsOnly() {
		String admin = adminToken();
		String customer = customerToken();
		String category = freshCategory(admin);
		String id = (String) createProduct(admin, category, "Guarded", "1.00", 1, "{\"author\":\"A\"}").get("id");
		String body = productJson(unique("SKU"), "Nope", category, "1.00", 1, "{\"author\":\"A\"}");

		problem(postProduct(customer, body), 403);
		problem(send("POST", "/api/v1/products", null, body), 401);
		problem(putCategory(customer, category, BOOK_SCHEMA), 403);
		problem(send("PUT", "/api/v1/categories/" + category, null, BOOK_SCHEMA), 401);
		problem(send("PUT", "/api/v1/products/" + id, customer, body), 403);
		problem(send("DELETE", "/api/v1/products/" + id, customer, ""), 403);
		problem(send("DELETE", "/api/v1/products/" + id, null, ""), 401);

		assertThat(namesOf("/api/v1/products?category=" + category)).containsExactly("Guarded");
	}

	@Test
	@SuppressWarnings("unchecked")
	void searchFiltersSortsAndPagesWithACursor() {
		String admin = adminToken();
		String category = freshCategory(admin);
		createProduct(admin, category, "Dune", "9.99", 1, "{\"author\":\"Frank Herbert\",\"pages\":412}");
		createProduct(admin, category, "Dune Messiah", "12.00", 1, "{\"author\":\"Frank Herbert\",\"pages\":256}");
		createProduct(admin, category, "Emma", "4.50", 1, "{\"author\":\"Jane Austen\",\"pages\":474}");
		createProduct(admin, category, "Persuasion", "6.00", 1, "{\"author\":\"Jane Austen\",\"pages\":249}");
		String base = "/api/v1/products?category=" + category;

		assertThat(namesOf(base)).containsExactly("Dune", "Dune Messiah", "Emma", "Persuasion");
		assertThat(namesOf(base + "&sort=-price")).containsExactly("Dune Messiah", "Dune", "Persuasion", "Emma");
		assertThat(namesOf(base + "&q=dune")).containsExactly("Dune", "Dune Messiah");
		assertThat(namesOf(base + "&q=MESSIAH dune")).containsExactly("Dune Messiah");
		assertThat(namesOf(base + "&minPrice=5.00&maxPrice=10")).containsExactly("Dune", "Persuasion");
		assertThat(namesOf(base + "&attr.author=Jane Austen")).containsExactly("Emma", "Persuasion");
		assertThat(namesOf(base + "&attr.pages.gte=300&attr.pages.lte=420")).containsExactly("Dune");
		assertThat(namesOf("/api/v1/products?q=persuasion&category=" + category)).containsExactly("Persuasion");

		List<String> paged = new ArrayList<>();
		Map<String, Object> page = getOk(base + "&sort=price&limit=3");
		((List<Map<String, Object>>) page.get("items")).forEach((item) -> paged.add((String) item.get("name")));
		assertThat(page.get("nextCursor")).isNotNull();
		createProduct(admin, category, "A cheap newcomer", "0.50", 1, "{\"author\":\"N\"}");
		page = getOk(base + "&sort=price&limit=3&cursor=" + page.get("nextCursor"));
		((List<Map<String, Object>>) page.get("items")).forEach((item) -> paged.add((String) item.get("name")));
		assertThat(page.get("nextCursor")).isNull();
		assertThat(paged).containsExactly("Emma", "Persuasion", "Dune", "Dune Messiah");
	}

	@Test
	@SuppressWarnings("unchecked")
	void facetsCountValuesOfTheCategorysAttributes() {
		String admin = adminToken();
		String category = freshCategory(admin);
		createProduct(admin, category, "A", "1.00", 1, "{\"author\":\"X\",\"format\":\"paper\"}");
		createProduct(admin, category, "B", "2.00", 1, "{\"author\":\"X\",\"format\":\"paper\"}");
		createProduct(admin, category, "C", "9.00", 1, "{\"author\":\"Y\",\"format\":\"hard\"}");

		Map<String, Object> facets = (Map<String, Object>) getOk("/api/v1/products/facets?category=" + category)
			.get("attributes");
		assertThat((List<Map<String, Object>>) facets.get("format"))
			.containsExactly(Map.of("value", "paper", "count", 2), Map.of("value", "hard", "count", 1));
		Map<String, Object> cheap = (Map<String, Object>) getOk(
				"/api/v1/products/facets?maxPrice=5.00&category=" + category)
			.get("attributes");
		assertThat((List<Map<String, Object>>) cheap.get("author")).containsExactly(Map.of("value", "X", "count", 2));
		assertThat(fields(problem(this.http.get().uri("/api/v1/products/facets").exchange(), 400)))
			.containsExactly("category");
	}

}
