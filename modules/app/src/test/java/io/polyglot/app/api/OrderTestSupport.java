package io.polyglot.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Order helpers for the API tests: products made by the administrator, orders, stock. */
abstract class OrderTestSupport extends WalletTestSupport {

	private String adminToken;

	/** The operator's session, logged in once per test. */
	@Override
	String adminToken() {
		if (this.adminToken == null) {
			this.adminToken = super.adminToken();
		}
		return this.adminToken;
	}

	/** Creates a book through the catalog API and returns its id. */
	@SuppressWarnings("unchecked")
	String product(String price, int stock) {
		Map<String, Object> body = this.http.post()
			.uri("/api/v1/products")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", "SKU-" + UUID.randomUUID(), "name",
					"Book " + UUID.randomUUID().toString().substring(0, 8), "description", "a book for order tests",
					"category", "book", "price", price, "stock", stock, "attributes",
					Map.of("author", "Ada Lovelace", "pages", 120)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return (String) body.get("id");
	}

	@SuppressWarnings("unchecked")
	int stockOf(String productId) {
		Map<String, Object> body = this.http.get()
			.uri("/api/v1/products/" + productId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) body.get("stock")).intValue();
	}

	RestTestClient.ResponseSpec placeOrder(Client client, String key, Object body) {
		return post("/api/v1/orders", client, key, body);
	}

	static Map<String, Object> line(String productId, int quantity) {
		return Map.of("productId", productId, "quantity", quantity);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> placeOk(Client client, List<Map<String, Object>> lines) {
		return placeOrder(client, UUID.randomUUID().toString(), Map.of("lines", lines)).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	RestTestClient.ResponseSpec orderAction(String token, String orderId, String action) {
		return this.http.post()
			.uri("/api/v1/orders/" + orderId + "/" + action)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> reconciliation() {
		return get("/api/v1/admin/reconciliation", adminToken()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Asserts that the administrators' reconciliation finds nothing wrong with the given
	 * products. Only this test's products: other tests in the same JVM share the stores
	 * and some (fault injection, concern moves) leave leaks on purpose.
	 */
	@SuppressWarnings("unchecked")
	void assertReconciled(String... productIds) {
		Map<String, Object> report = reconciliation();
		assertThat((List<Map<String, Object>>) report.get("leaks")).as("leaks of this test's products")
			.filteredOn((leak) -> List.of(productIds).contains(String.valueOf(leak.get("productId"))))
			.isEmpty();
	}

	long ordersOf(Client client) {
		return this.jdbc.queryForObject("SELECT count(*) FROM orders WHERE customer_id = ?::uuid", Long.class,
				client.id());
	}

}
