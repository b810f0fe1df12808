package io.polyglot.app.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input to the catalog: Mongo operators in keys and values, dotted
 * keys, huge or regex-laden search text, absurd limits, tampered cursors, malformed JSON.
 * Every one is a 4xx problem+json or a correct (empty) result, and nothing changes.
 */
class CatalogBadInputIT extends CatalogTestSupport {

	private String admin;

	private String category;

	private String productId;

	@BeforeEach
	void aCategoryWithOneProduct() {
		this.admin = adminToken();
		this.category = freshCategory(this.admin);
		this.productId = (String) createProduct(this.admin, this.category, "Only one", "5.00", 3,
				"{\"author\":\"Ada\",\"pages\":100}")
			.get("id");
	}

	/** The category still holds exactly the one product, unchanged. */
	void assertNothingChanged() {
		assertThat(namesOf("/api/v1/products?category=" + this.category)).containsExactly("Only one");
		assertThat(getOk("/api/v1/products/" + this.productId)).containsEntry("version", 0)
			.containsEntry("stock", 3)
			.containsEntry("price", "5.00");
	}

	static String search(String query) {
		return "/api/v1/products?" + query;
	}

	Map<String, Object> badSearch(String query) {
		return problem(this.http.get().uri(encoded(search(query))).exchange(), 400);
	}

	@Test
	void operatorsAndPathsInAttributeFiltersAreRefused() {
		for (String query : List.of("category=" + this.category + "&attr.$where=1",
				"category=" + this.category + "&attr.price.$gt=0", "category=" + this.category + "&attr.author.$ne=x",
				"category=" + this.category + "&attr.pages.gte=ten", "category=" + this.category + "&attr.author.gte=a",
				"category=" + this.category + "&attr.pages={\"$gt\":0}", "attr.author=Ada",
				"category=" + this.category + "&attr.__proto__=1")) {
			badSearch(query);
		}
		assertThat(fields(badSearch("attr.author=Ada"))).containsExactly("category");
		assertThat(fields(badSearch("category=" + this.category + "&attr.$where=sleep(1000)")))
			.containsExactly("attr.$where");
		assertNothingChanged();
	}

	@Test
	void anOperatorObjectAsAFilterValueIsJustAStringThatMatchesNothing() {
		assertThat(namesOf(search("category=" + this.category + "&attr.author={\"$gt\":\"\"}"))).isEmpty();
		assertThat(namesOf(search("category=" + this.category + "&attr.author=Ada"))).containsExactly("Only one");
	}

	@Test
	void searchTextIsWordsNeverARegexOrAnOperator() {
		assertThat(fields(badSearch("q=" + "a".repeat(201)))).containsExactly("q");
		assertThat(fields(badSearch("q=" + "a.".repeat(2_500)))).containsExactly("q");
		// 10,000 characters fit the raised header limit (32 KB), so the
		// application answers
		assertThat(fields(badSearch("q=" + "a".repeat(10_000)))).containsExactly("q");
		assertThat(namesOf(search("category=" + this.category + "&q=.*"))).containsExactly("Only one");
		assertThat(namesOf(search("category=" + this.category + "&q=(a+)+$"))).isEmpty();
		assertThat(namesOf(search("category=" + this.category + "&q=one|x"))).isEmpty();
		assertThat(namesOf(search("category=" + this.category + "&q=[only]"))).containsExactly("Only one");
		assertThat(namesOf(search("category=" + this.category + "&q={\"$where\":\"1\"}"))).isEmpty();
		assertNothingChanged();
	}

	@Test
	void limitsSortsPricesAndCursorsOutsideTheContractAreRefused() {
		assertThat(fields(badSearch("limit=1000000"))).containsExactly("limit");
		assertThat(fields(badSearch("limit=0"))).containsExactly("limit");
		assertThat(fields(badSearch("limit=abc"))).containsExactly("limit");
		assertThat(fields(badSearch("sort=$natural"))).containsExactly("sort");
		assertThat(fields(badSearch("minPrice=-1"))).containsExactly("minPrice");
		assertThat(fields(badSearch("maxPrice=1e9"))).containsExactly("maxPrice");
		assertThat(fields(badSearch("cursor=not*base64"))).containsExactly("cursor");
		assertThat(fields(badSearch("cursor=" + "A".repeat(600)))).containsExactly("cursor");
		assertThat(fields(badSearch("cursor=eyIkZ3QiOiIifQ"))).containsExactly("cursor");
		assertThat(fields(badSearch("category=" + this.category + "&limit=1&cursor="
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("price\n0\nx".getBytes()))))
			.containsExactly("cursor");
		assertThat(fields(badSearch("colour=red"))).containsExactly("colour");
		assertThat(fields(badSearch("q=a&q=b"))).containsExactly("q");
		assertThat(fields(badSearch("category=NOT VALID"))).containsExactly("category");
		assertThat(fields(badSearch("category=nosuchcategory"))).containsExactly("category");
		assertThat(namesOf(search("limit=100"))).hasSizeLessThanOrEqualTo(100);
	}

	@Test
	void operatorsInProductBodiesAreRefusedAndStoreNothing() {
		String sku = unique("SKU");
		for (String attributes : List.of("{\"author\":{\"$gt\":\"\"}}", "{\"author\":\"A\",\"$where\":\"1\"}",
				"{\"author\":\"A\",\"pages.$inc\":1}", "{\"author\":\"A\",\"a.b\":1}", "{\"author\":[\"A\"]}",
				"{\"author\":null}", "{\"author\":\"A\",\"pages\":{\"$numberLong\":\"1\"}}", "[\"author\"]",
				"\"author\"")) {
			Map<String, Object> problem = problem(
					postProduct(this.admin, productJson(sku, "Evil", this.category, "1.00", 1, attributes)), 400);
			assertThat(problem.toString()).hasSizeLessThan(2_000);
		}
		assertThat(fields(problem(
				postProduct(this.admin,
						productJson(sku, "Evil", this.category, "1.00", 1, "{\"author\":\"A\",\"$where\":\"1\"}")),
				400)))
			.containsExactly("attributes.$where");
		problem(postProduct(this.admin, "{\"sku\":{\"$gt\":\"\"},\"name\":\"Evil\",\"category\":\"" + this.category
				+ "\",\"price\":\"1.00\",\"stock\":1,\"attributes\":{\"author\":\"A\"}}"), 400);
		problem(postProduct(this.admin, productJson("$where", "Evil", this.category, "1.00", 1, "{\"author\":\"A\"}")),
				400);
		problem(postProduct(this.admin, productJson(sku, "Evil", "$where", "1.00", 1, "{\"author\":\"A\"}")), 400);
		assertNothingChanged();
	}

	@Test
	void moneyStockAndTextLimitsAreEnforced() {
		String sku = unique("SKU");
		for (String price : List.of("12.345", "-1.00", "1e3", "abc", "", "12,50", "99999999999999.00")) {
			assertThat(fields(problem(
					postProduct(this.admin, productJson(sku, "Bad", this.category, price, 1, "{\"author\":\"A\"}")),
					400)))
				.containsExactly("price");
		}
		assertThat(fields(problem(postProduct(this.admin,
				productJson(sku, "Bad", this.category, "1.00", 1, "{\"author\":\"A\"}").replace("\"1.00\"", "1.00")),
				400)))
			.containsExactly("price");
		assertThat(fields(problem(
				postProduct(this.admin, productJson(sku, "Bad", this.category, "1.00", -1, "{\"author\":\"A\"}")),
				400)))
			.containsExactly("stock");
		assertThat(
				fields(problem(
						postProduct(this.admin,
								productJson(sku, "x".repeat(201), this.category, "1.00", 1, "{\"author\":\"A\"}")),
						400)))
			.containsExactly("name");
		assertThat(fields(problem(
				postProduct(this.admin,
						productJson(sku, "Bad", this.category, "1.00", 1, "{\"author\":\"" + "a".repeat(201) + "\"}")),
				400)))
			.containsExactly("attributes.author");
		assertThat(fields(problem(
				postProduct(this.admin,
						productJson(sku, "Bad", this.category, "1.00", 1, "{\"author\":\"A\"}")
							.replace("\"description\":\"About Bad\"", "\"description\":\"" + "d".repeat(2001) + "\"")),
				400)))
			.containsExactly("description");
		assertThat(fields(problem(postProduct(this.admin, "{}"), 400))).contains("sku", "name", "category", "price",
				"stock");
		assertNothingChanged();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"sku\": \"a", "not json", "[]", "null", "{} {}", "{\"sku\":\"a\",\"sku\":\"b\"}" })
	void bodiesThatAreNotOneJsonObjectAreRefused(String body) {
		problem(postProduct(this.admin, body), 400);
		problem(putCategory(this.admin, unique("bad").toLowerCase(), body), 400);
		problem(send("PUT", "/api/v1/products/" + this.productId, this.admin, body), 400);
		assertNothingChanged();
	}

	@Test
	void updatesWithoutOrWithAStaleVersionChangeNothing() {
		String edit = productJson(unique("SKU"), "Edited", this.category, "9.00", 9, "{\"author\":\"B\"}");
		assertThat(fields(problem(send("PUT", "/api/v1/products/" + this.productId, this.admin, edit), 400)))
			.containsExactly("version");
		problem(send("PUT", "/api/v1/products/" + this.productId, this.admin, edit.replace("}}", "},\"version\":7}")),
				409);
		problem(send("PUT", "/api/v1/products/not-a-uuid", this.admin, edit.replace("}}", "},\"version\":0}")), 400);
		problem(send("PUT", "/api/v1/products/" + java.util.UUID.randomUUID(), this.admin,
				edit.replace("}}", "},\"version\":0}")), 404);
		problem(this.http.get().uri("/api/v1/products/{id}", "{\"$gt\":\"\"}").exchange(), 400);
		assertNothingChanged();
	}

	@Test
	void categorySchemasWithOperatorNamesOrBrokenTypesAreRefused() {
		String code = unique("schema").toLowerCase();
		for (String body : List.of("{\"name\":\"X\",\"attributes\":[{\"name\":\"$where\",\"type\":\"string\"}]}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"a.b\",\"type\":\"string\"}]}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"a\",\"type\":\"date\"}]}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"a\",\"type\":\"enum\"}]}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\",\"values\":[\"v\"]}]}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"a\",\"type\":\"integer\"}]}",
				"{\"name\":\"X\",\"attributes\":[null]}", "{\"name\":\"" + "n".repeat(101) + "\",\"attributes\":[]}",
				"{\"attributes\":[]}", "{\"name\":\"X\"}",
				"{\"name\":\"X\",\"attributes\":[{\"name\":{\"$gt\":\"\"},\"type\":\"string\"}]}")) {
			problem(putCategory(this.admin, code, body), 400);
		}
		problem(putCategory(this.admin, "BAD$CODE", BOOK_SCHEMA), 400);
		problem(putCategory(this.admin, "a".repeat(40), BOOK_SCHEMA), 400);
		assertThat(fields(problem(putCategory(this.admin, code,
				"{\"name\":\"X\",\"attributes\":[{\"name\":\"$where\",\"type\":\"string\"}]}"), 400)))
			.containsExactly("attributes[0].name");
		assertThat(getOk("/api/v1/categories").toString()).doesNotContain(code);
	}

}
