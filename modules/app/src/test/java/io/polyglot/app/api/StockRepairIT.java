package io.polyglot.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.order.Stock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock repair on the real stores: a live order's lost hold is taken again, a
 * cancelled order's stale hold is released, a young orphan hold waits for its grace
 * period, a repeat repairs nothing twice, and only administrators may run it.
 */
class StockRepairIT extends OrderTestSupport {

	@Autowired
	Stock stock;

	@SuppressWarnings("unchecked")
	private Map<String, Object> repair() {
		return this.http.post()
			.uri("/api/v1/admin/reconciliation/repair")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> actionsOf(Map<String, Object> result, String list, String orderId) {
		return ((List<Map<String, Object>>) result.get(list)).stream()
			.filter((action) -> orderId.equals(action.get("orderId")))
			.toList();
	}

	@Test
	void aLiveOrdersLostHoldIsTakenAgainAndARepeatChangesNothing() {
		String book = product("8.00", 5);
		Client ada = newClient("repair");
		String orderId = (String) placeOk(ada, List.of(line(book, 2))).get("id");
		// the catalog loses the hold (a restore from an older backup, a crash)
		this.stock.release(UUID.fromString(book), UUID.fromString(orderId));
		assertThat(stockOf(book)).isEqualTo(5);

		Map<String, Object> first = repair();

		assertThat(actionsOf(first, "repaired", orderId)).singleElement()
			.satisfies((action) -> assertThat(action).containsEntry("kind", "RESTORED_HOLD")
				.containsEntry("productId", book)
				.containsEntry("quantity", 2));
		assertThat(stockOf(book)).isEqualTo(3);
		assertReconciled(book);
		assertThat(actionsOf(repair(), "repaired", orderId)).as("a repeated repair").isEmpty();
		assertThat(stockOf(book)).isEqualTo(3);
	}

	@Test
	void aCancelledOrdersStaleHoldIsReleased() {
		String book = product("3.00", 4);
		Client bob = newClient("repair");
		String orderId = (String) placeOk(bob, List.of(line(book, 3))).get("id");
		// the order is cancelled in PostgreSQL, but the catalog never heard of it
		this.jdbc.update("UPDATE orders SET status = 'CANCELLED' WHERE id = ?::uuid", orderId);

		assertThat(actionsOf(repair(), "repaired", orderId)).singleElement()
			.satisfies((action) -> assertThat(action).containsEntry("kind", "RELEASED_CANCELLED"));
		assertThat(stockOf(book)).isEqualTo(4);
		assertReconciled(book);
	}

	@Test
	void aYoungOrphanHoldWaitsForItsGracePeriod() {
		String book = product("3.00", 4);
		UUID noSuchOrder = UUID.randomUUID();
		assertThat(this.stock.reserve(UUID.fromString(book), noSuchOrder, 1)).isTrue();

		assertThat(actionsOf(repair(), "waiting", noSuchOrder.toString())).singleElement()
			.satisfies((action) -> assertThat(action).containsEntry("kind", "RELEASED_ORPHAN"));
		assertThat(stockOf(book)).as("not released yet").isEqualTo(3);
		this.stock.release(UUID.fromString(book), noSuchOrder);
	}

	@Test
	void onlyAdministratorsRepair() {
		Client eve = newClient("repair");
		problem(this.http.post()
			.uri("/api/v1/admin/reconciliation/repair")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + eve.token())
			.exchange(), 403);
		problem(this.http.post().uri("/api/v1/admin/reconciliation/repair").exchange(), 401);
		problem(get("/api/v1/admin/reconciliation/repair", adminToken()), 405);
	}

}
