package io.polyglot.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API action produces its event, relayed from the outbox to Cassandra and readable
 * through GET /events and GET /me/activity: owners see their streams, other customers get
 * 404, administrators see every stream.
 */
@SuppressWarnings("unchecked")
class EventsForEveryActionIT extends EventLogTestSupport {

	private static final Duration RELAY_LIMIT = Duration.ofMinutes(2);

	@Test
	void eachActionIsInTheRightStreamForTheRightReaders() {
		Client ada = newClient("events");
		Client bob = newClient("events");
		Client eve = newClient("nosy");
		String adaAccount = "account:" + account(ada).get("id");
		String bobAccount = "account:" + account(bob).get("id");
		String adaCustomer = "customer:" + ada.id();

		// sessions: ada logs in a second time and logs that session out
		String second = login(ada.username(), PASSWORD);
		this.http.delete()
			.uri("/api/v1/sessions/current")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + second)
			.exchange()
			.expectStatus()
			.isNoContent();
		// money: a deposit and a transfer
		depositOk(ada, "100.00");
		transfer(ada, UUID.randomUUID().toString(), Map.of("toCustomerId", bob.id(), "amount", "10.00")).expectStatus()
			.isCreated();
		// friendships (both customers are projected into the graph by the relay)
		awaitTrue("ada and bob in the social graph", RELAY_LIMIT, () -> befriend(ada, bob) == 204);
		this.http.delete()
			.uri("/api/v1/friends/{id}", bob.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
			.exchange()
			.expectStatus()
			.isNoContent();
		// catalog and orders
		String book = product("20.00", 5);
		updatePrice(book, "21.00");
		String paidThenCancelled = (String) placeOk(ada, List.of(line(book, 1))).get("id");
		orderAction(ada.token(), paidThenCancelled, "payment").expectStatus().isOk();
		orderAction(ada.token(), paidThenCancelled, "cancellation").expectStatus().isOk();
		String shipped = (String) placeOk(ada, List.of(line(book, 1))).get("id");
		orderAction(ada.token(), shipped, "payment").expectStatus().isOk();
		orderAction(adminToken(), shipped, "shipment").expectStatus().isOk();

		// the caller's timeline holds the events of every stream they own: customer,
		// account and orders
		awaitTypes(ada.token(), "/api/v1/me/activity?limit=100",
				Set.of("CustomerRegistered", "SessionStarted", "SessionEnded", "FriendshipAdded", "FriendshipRemoved",
						"DepositMade", "MoneyTransferred", "OrderPlaced", "OrderPaid", "OrderCancelled",
						"OrderShipped"));
		// a transfer is in both parties' timelines, each with their own side of it
		awaitTypes(bob.token(), "/api/v1/me/activity?limit=100", Set.of("CustomerRegistered", "MoneyTransferred"));
		assertThat(activity(bob.token(), 100)).filteredOn((item) -> "MoneyTransferred".equals(item.get("type")))
			.singleElement()
			.satisfies((item) -> assertThat(item.get("stream")).isEqualTo(bobAccount));
		assertThat(activity(ada.token(), 100)).filteredOn((item) -> "MoneyTransferred".equals(item.get("type")))
			.singleElement()
			.satisfies((item) -> assertThat(item.get("stream")).isEqualTo(adaAccount));
		// newest first, and small pages walk it without gaps or repeats
		List<Map<String, Object>> whole = activity(ada.token(), 100);
		assertThat(whole).extracting((item) -> (String) item.get("occurredAt"))
			.isSortedAccordingTo(Comparator.comparing(Instant::parse, Comparator.reverseOrder()));
		assertThat(activityPaged(ada.token(), 3)).containsExactlyElementsOf(whole);
		assertThat(whole).extracting((item) -> (String) item.get("stream"))
			.contains(adaCustomer, adaAccount, "order:" + paidThenCancelled, "order:" + shipped)
			.allMatch((stream) -> !stream.startsWith("product:") && !stream.equals(bobAccount));
		awaitTypes(ada.token(), "/api/v1/events?limit=100&stream=" + adaAccount,
				Set.of("DepositMade", "MoneyTransferred"));
		awaitTypes(bob.token(), "/api/v1/events?limit=100&stream=" + bobAccount, Set.of("MoneyTransferred"));
		awaitTypes(ada.token(), "/api/v1/events?limit=100&stream=order:" + paidThenCancelled,
				Set.of("OrderPlaced", "OrderPaid", "OrderCancelled"));
		awaitTypes(ada.token(), "/api/v1/events?limit=100&stream=order:" + shipped,
				Set.of("OrderPlaced", "OrderPaid", "OrderShipped"));
		awaitTypes(adminToken(), "/api/v1/events?limit=100&stream=product:" + book,
				Set.of("ProductCreated", "ProductUpdated"));

		// other customers learn nothing, not even that the stream exists
		for (String stream : List.of(adaCustomer, adaAccount, "order:" + shipped, "product:" + book)) {
			problem(get("/api/v1/events?stream=" + stream, eve.token()), 404);
		}
		// administrators read every stream
		for (String stream : List.of(adaCustomer, adaAccount, bobAccount, "order:" + shipped)) {
			get("/api/v1/events?stream=" + stream, adminToken()).expectStatus().isOk();
		}
	}

	private int befriend(Client one, Client other) {
		return this.http.put()
			.uri("/api/v1/friends/{id}", other.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + one.token())
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private void updatePrice(String productId, String price) {
		Map<String, Object> product = new HashMap<>(this.http.get()
			.uri("/api/v1/products/" + productId)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
		Map<String, Object> body = new HashMap<>();
		for (String field : List.of("sku", "name", "description", "category", "stock", "attributes", "version")) {
			body.put(field, product.get(field));
		}
		body.put("price", price);
		this.http.put()
			.uri("/api/v1/products/" + productId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private List<Map<String, Object>> activity(String token, int limit) {
		return EventsApiSupport.items(get("/api/v1/me/activity?limit=" + limit, token).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
	}

	/** The whole timeline, page by page, following nextCursor. */
	private List<Map<String, Object>> activityPaged(String token, int limit) {
		List<Map<String, Object>> all = new ArrayList<>();
		String cursor = null;
		do {
			String path = "/api/v1/me/activity?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : "");
			Map<String, Object> page = get(path, token).expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			all.addAll(EventsApiSupport.items(page));
			cursor = (String) page.get("nextCursor");
			assertThat(all).as("pages").hasSizeLessThan(1_000);
		}
		while (cursor != null);
		return all;
	}

	private void awaitTypes(String token, String path, Set<String> expected) {
		awaitTrue(expected + " at " + path, RELAY_LIMIT, () -> types(token, path).containsAll(expected));
	}

	private Set<String> types(String token, String path) {
		EntityExchangeResult<Map> result = get(path, token).expectBody(Map.class).returnResult();
		// a stream the relay has not delivered its first event to does not exist yet
		if (result.getStatus().value() == 404) {
			return Set.of();
		}
		assertThat(result.getStatus().value()).as(path).isEqualTo(200);
		Map<String, Object> page = result.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.map((item) -> (String) item.get("type"))
			.collect(Collectors.toSet());
	}

}
