package io.polyglot.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders over HTTP against the real stores: stock held in the catalog, money and status
 * in PostgreSQL, the state machine, refunds, ownership, idempotency and reconciliation.
 */
@SuppressWarnings("unchecked")
class OrdersIT extends OrderTestSupport {

	@Test
	void placingAnOrderHoldsStockAndCopiesNameAndPrice() {
		String book = product("12.50", 5);
		Client ada = newClient("buyer");

		Map<String, Object> order = placeOk(ada, List.of(line(book, 2)));

		assertThat(order).containsEntry("status", "PENDING")
			.containsEntry("total", "25.00")
			.containsKeys("id", "createdAt");
		assertThat((List<Map<String, Object>>) order.get("lines")).singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("productId", book)
				.containsEntry("unitPrice", "12.50")
				.containsEntry("quantity", 2)
				.containsKey("name"));
		assertThat(stockOf(book)).isEqualTo(3);
		assertReconciled(book);
	}

	@Test
	void payingDebitsTheWalletOnceAndCancellingAPaidOrderRefundsAndRestocks() {
		String book = product("10.00", 4);
		Client ada = newClient("payer");
		depositOk(ada, "50.00");
		String orderId = (String) placeOk(ada, List.of(line(book, 3))).get("id");

		Map<String, Object> paid = orderAction(ada.token(), orderId, "payment").expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(paid).containsEntry("status", "PAID");
		assertThat(balance(ada)).isEqualByComparingTo("20.00");
		assertThat(ledger(ada).get(0)).containsEntry("kind", "ORDER_PAYMENT")
			.containsEntry("amount", "-30.00")
			.containsEntry("reference", orderId);
		problem(orderAction(ada.token(), orderId, "payment"), 409);
		assertThat(balance(ada)).isEqualByComparingTo("20.00");

		Map<String, Object> cancelled = orderAction(ada.token(), orderId, "cancellation").expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(cancelled).containsEntry("status", "CANCELLED");
		assertThat(balance(ada)).isEqualByComparingTo("50.00");
		assertThat(ledger(ada).get(0)).containsEntry("kind", "ORDER_REFUND").containsEntry("amount", "30.00");
		assertThat(stockOf(book)).isEqualTo(4);
		problem(orderAction(ada.token(), orderId, "cancellation"), 409);
		problem(orderAction(ada.token(), orderId, "payment"), 409);
		assertReconciled(book);
	}

	@Test
	void insufficientFundsIs422AndTheOrderStaysPending() {
		String book = product("40.00", 2);
		Client ada = newClient("short");
		depositOk(ada, "39.99");
		String orderId = (String) placeOk(ada, List.of(line(book, 1))).get("id");

		problem(orderAction(ada.token(), orderId, "payment"), 422);

		assertThat(balance(ada)).isEqualByComparingTo("39.99");
		assertThat(get("/api/v1/orders/" + orderId, ada.token()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()).containsEntry("status", "PENDING");
	}

	@Test
	void onlyAnAdministratorShipsAndOnlyFromPaid() {
		String book = product("5.00", 3);
		Client ada = newClient("ship");
		depositOk(ada, "20.00");
		String orderId = (String) placeOk(ada, List.of(line(book, 2))).get("id");

		problem(orderAction(ada.token(), orderId, "shipment"), 403);
		problem(orderAction(adminToken(), orderId, "shipment"), 409);
		orderAction(ada.token(), orderId, "payment").expectStatus().isOk();
		Map<String, Object> shipped = orderAction(adminToken(), orderId, "shipment").expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(shipped).containsEntry("status", "SHIPPED");
		problem(orderAction(ada.token(), orderId, "cancellation"), 409);
		problem(orderAction(adminToken(), orderId, "shipment"), 409);
		// shipped units are sold: they never come back to stock
		assertThat(stockOf(book)).isEqualTo(1);
		assertReconciled(book);
	}

	@Test
	void anotherCustomersOrderIsNotFoundButAnAdministratorSeesAndCancelsIt() {
		String book = product("5.00", 3);
		Client ada = newClient("owner");
		Client eve = newClient("snoop");
		String orderId = (String) placeOk(ada, List.of(line(book, 1))).get("id");

		problem(get("/api/v1/orders/" + orderId, eve.token()), 404);
		problem(orderAction(eve.token(), orderId, "payment"), 404);
		problem(orderAction(eve.token(), orderId, "cancellation"), 404);
		get("/api/v1/orders/" + orderId, adminToken()).expectStatus().isOk();
		orderAction(adminToken(), orderId, "cancellation").expectStatus().isOk();

		assertThat(stockOf(book)).isEqualTo(3);
		problem(get("/api/v1/orders/" + UUID.randomUUID(), ada.token()), 404);
	}

	@Test
	void anOrderShortOfStockIs422AndHoldsNothing() {
		String plenty = product("1.00", 10);
		String scarce = product("1.00", 1);
		Client ada = newClient("greedy");

		Map<String, Object> problem = problem(placeOrder(ada, UUID.randomUUID().toString(),
				Map.of("lines", List.of(line(plenty, 3), line(scarce, 2)))), 422);

		assertThat((String) problem.get("detail")).contains(scarce);
		assertThat(stockOf(plenty)).isEqualTo(10);
		assertThat(stockOf(scarce)).isEqualTo(1);
		assertThat(ordersOf(ada)).isZero();
		assertReconciled(plenty, scarce);
	}

	@Test
	void theSameKeyPlacesOneOrder() {
		String book = product("3.00", 5);
		Client ada = newClient("retry");
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("lines", List.of(line(book, 1)));

		EntityExchangeResult<String> first = placeOrder(ada, key, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> second = placeOrder(ada, key, body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();

		assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(ordersOf(ada)).isEqualTo(1);
		assertThat(stockOf(book)).isEqualTo(4);
		problem(placeOrder(ada, key, Map.of("lines", List.of(line(book, 2)))), 422);
	}

	@Test
	void ordersAreListedNewestFirstAndPaged() {
		String book = product("1.00", 10);
		Client ada = newClient("lister");
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			placed.add((String) placeOk(ada, List.of(line(book, 1))).get("id"));
		}

		Map<String, Object> first = get("/api/v1/orders?limit=2", ada.token()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<String, Object> second = get("/api/v1/orders?limit=2&cursor=" + first.get("nextCursor"), ada.token())
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		List<Object> ids = new ArrayList<>();
		((List<Map<String, Object>>) first.get("items")).forEach((o) -> ids.add(o.get("id")));
		((List<Map<String, Object>>) second.get("items")).forEach((o) -> ids.add(o.get("id")));
		assertThat(ids).containsExactly(placed.get(2), placed.get(1), placed.get(0));
		assertThat(second.get("nextCursor")).isNull();
	}

	@Test
	void twentyCustomersRaceForTenUnitsAndExactlyTenWin() throws Exception {
		String book = product("1.00", 10);
		List<Client> buyers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			buyers.add(newClient("race"));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (Client buyer : buyers) {
				Callable<Integer> order = () -> {
					start.await(10, TimeUnit.SECONDS);
					return placeOrder(buyer, UUID.randomUUID().toString(), Map.of("lines", List.of(line(book, 1))))
						.returnResult(String.class)
						.getStatus()
						.value();
				};
				statuses.add(pool.submit(order));
			}
			start.countDown();
			List<Integer> seen = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				seen.add(status.get(60, TimeUnit.SECONDS));
			}

			assertThat(seen).filteredOn((s) -> s == 201).hasSize(10);
			assertThat(seen).filteredOn((s) -> s == 422).hasSize(10);
			assertThat(stockOf(book)).isZero();
			assertReconciled(book);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void reconciliationIsForAdministratorsOnly() {
		Client ada = newClient("curious");
		problem(get("/api/v1/admin/reconciliation", ada.token()), 403);
		problem(this.http.get().uri("/api/v1/admin/reconciliation").exchange(), 401);
	}

}
