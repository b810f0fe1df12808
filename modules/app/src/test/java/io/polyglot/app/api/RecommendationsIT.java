package io.polyglot.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.social.PersonProjection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Bought by your friends" over HTTP: friend ids from Neo4j, purchases from PostgreSQL,
 * composed in the domain. Only PAID or SHIPPED orders count, friends' purchases only, and
 * nothing the caller already bought.
 */
@SuppressWarnings("unchecked")
class RecommendationsIT extends OrderTestSupport {

	@Autowired
	PersonProjection projection;

	@Test
	void productsMostBoughtByFriendsAndNotByTheCallerComeFirst() {
		String popular = product("5.00", 20);
		String niche = product("5.00", 20);
		String alreadyMine = product("5.00", 20);
		String unpaid = product("5.00", 20);
		String strangers = product("5.00", 20);
		Client me = projected(newClient("rec"));
		Client ann = projected(newClient("ann"));
		Client ben = projected(newClient("ben"));
		Client stranger = projected(newClient("str"));
		befriend(me, ann);
		befriend(me, ben);
		buyAndPay(ann, popular, 1);
		buyAndPay(ben, popular, 2);
		buyAndPay(ann, niche, 5);
		buyAndPay(ann, alreadyMine, 1);
		buyAndPay(me, alreadyMine, 1);
		placeOk(ben, List.of(line(unpaid, 1)));
		buyAndPay(stranger, strangers, 3);

		List<Map<String, Object>> items = (List<Map<String, Object>>) get("/api/v1/recommendations/products",
				me.token())
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");

		assertThat(items).extracting((item) -> item.get("productId")).containsExactly(popular, niche);
		assertThat(items.get(0)).containsEntry("friendsWhoBought", 2).containsEntry("units", 3);
		assertThat(items.get(1)).containsEntry("friendsWhoBought", 1).containsEntry("units", 5);
	}

	@Test
	void withoutFriendsThereIsNothingToRecommendAndLimitsAreChecked() {
		Client loner = projected(newClient("alone"));

		assertThat((List<?>) get("/api/v1/recommendations/products", loner.token()).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items")).isEmpty();
		for (String limit : List.of("0", "101", "-1", "abc", "99999999999")) {
			problem(get("/api/v1/recommendations/products?limit=" + limit, loner.token()), 400);
		}
		problem(this.http.get().uri("/api/v1/recommendations/products").exchange(), 401);
	}

	private void buyAndPay(Client client, String productId, int quantity) {
		depositOk(client, "100.00");
		String orderId = (String) placeOk(client, List.of(line(productId, quantity))).get("id");
		orderAction(client.token(), orderId, "payment").expectStatus().isOk();
	}

	private void befriend(Client one, Client other) {
		this.http.put()
			.uri("/api/v1/friends/{id}", other.id())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + one.token())
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	/**
	 * Delivers the registration to the graph the way the relay would (it may have too).
	 */
	private Client projected(Client client) {
		CustomerId id = CustomerId.parse(client.id());
		this.projection.deliver(List.of(DomainEvent.of(EventStream.customer(id.value()), "CustomerRegistered",
				Instant.now(), id, Map.of("customerId", client.id(), "username", client.username()))));
		return client;
	}

}
