package io.polyglot.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile orders: each is a 4xx problem+json, and afterwards the product's
 * stock and the customer's orders are exactly as before.
 */
class OrdersBadInputIT extends OrderTestSupport {

	private String book;

	private Client ada;

	@BeforeEach
	void productAndCustomer() {
		this.book = product("2.00", 5);
		this.ada = newClient("badorder");
	}

	@Test
	void linesMustBeThere() {
		for (String body : List.of("{}", "{\"lines\":[]}", "{\"lines\":null}", "{\"lines\":[null]}")) {
			problem(placeOrder(this.ada, key(), body), 400);
		}
		assertNothingChanged();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE })
	void quantitiesOutOfRangeAreRefused(int quantity) {
		Map<String, Object> problem = problem(
				placeOrder(this.ada, key(), Map.of("lines", List.of(line(this.book, quantity)))), 400);
		assertThat(problem.toString()).contains("lines[0].quantity");
		assertNothingChanged();
	}

	@Test
	void quantitiesMustBeJsonIntegers() {
		for (String quantity : List.of("\"1\"", "1.5", "1e3", "99999999999999999999", "true", "null")) {
			problem(placeOrder(this.ada, key(),
					"{\"lines\":[{\"productId\":\"" + this.book + "\",\"quantity\":" + quantity + "}]}"), 400);
		}
		assertNothingChanged();
	}

	@Test
	void anUnknownProductIs422() {
		Map<String, Object> problem = problem(placeOrder(this.ada, key(),
				Map.of("lines", List.of(line(this.book, 1), line(UUID.randomUUID().toString(), 1)))), 422);
		assertThat((String) problem.get("detail")).contains("does not exist");
		assertNothingChanged();
	}

	@Test
	void aProductTwiceIsRefused() {
		Map<String, Object> problem = problem(
				placeOrder(this.ada, key(), Map.of("lines", List.of(line(this.book, 1), line(this.book, 2)))), 400);
		assertThat(problem.toString()).contains("lines[1].productId");
		assertNothingChanged();
	}

	@Test
	void tooManyLinesAreRefused() {
		assertThat(problem(placeOrder(this.ada, key(), Map.of("lines", lines(101))), 400).toString())
			.contains("at most 100 lines");
		// 1,000 lines are about 70 KB of JSON: refused for size before they are read
		problem(placeOrder(this.ada, key(), Map.of("lines", lines(1000))), 413);
		assertNothingChanged();
	}

	private static List<Map<String, Object>> lines(int count) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(line(UUID.randomUUID().toString(), 1));
		}
		return lines;
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "x' OR 1=1 --", "{\"$gt\":\"\"}", "$where", "" })
	void malformedProductIdsAreRefused(String productId) {
		Map<String, Object> problem = problem(
				placeOrder(this.ada, key(), Map.of("lines", List.of(Map.of("productId", productId, "quantity", 1)))),
				400);
		assertThat(problem.toString()).contains("lines[0].productId");
		assertNothingChanged();
	}

	@Test
	void operatorObjectsAndUnknownFieldsAreRefused() {
		problem(placeOrder(this.ada, key(), "{\"lines\":[{\"productId\":{\"$gt\":\"\"},\"quantity\":1}]}"), 400);
		problem(placeOrder(this.ada, key(),
				"{\"lines\":[{\"productId\":\"" + this.book + "\",\"quantity\":1,\"unitPrice\":\"0.01\"}]}"), 400);
		problem(placeOrder(this.ada, key(),
				"{\"lines\":[{\"productId\":\"" + this.book + "\",\"quantity\":1}],\"status\":\"PAID\"}"), 400);
		problem(placeOrder(this.ada, key(), "{\"lines\":"), 400);
		assertNothingChanged();
	}

	@Test
	void malformedOrderIdsInPathsAreRefused() {
		for (String id : List.of("not-a-uuid", "1%20OR%201=1", "%7B%7D")) {
			problem(get("/api/v1/orders/" + id, this.ada.token()), 400);
			problem(orderAction(this.ada.token(), id, "payment"), 400);
		}
	}

	@Test
	void hostileOrderListPagingIsRefused() {
		for (String query : List.of("limit=0", "limit=101", "limit=1000000", "limit=-1", "limit=abc",
				"cursor=not!base64", "cursor=" + "A".repeat(600), "cursor=bGVkZ2VyOjEy", "cursor=b3JkZXJzfHh8eQ")) {
			problem(get("/api/v1/orders?" + query, this.ada.token()), 400);
		}
		// the same list asked twice is the same list
		String first = get("/api/v1/orders", this.ada.token()).expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(get("/api/v1/orders", this.ada.token()).expectBody(String.class).returnResult().getResponseBody())
			.isEqualTo(first);
	}

	@Test
	void theIdempotencyKeyIsRequired() {
		problem(placeOrder(this.ada, null, Map.of("lines", List.of(line(this.book, 1)))), 400);
		assertNothingChanged();
	}

	private void assertNothingChanged() {
		assertThat(stockOf(this.book)).isEqualTo(5);
		assertThat(ordersOf(this.ada)).isZero();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
