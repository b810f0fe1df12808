package io.polyglot.app.demos;

import java.util.List;
import java.util.Map;

import io.polyglot.localstores.RedisStore;
import io.polyglot.localstores.SharedTestStores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One store down: the demos that need it answer 503 problem+json naming the store, the
 * store map shows it DOWN, and every other demo keeps working.
 */
class DemoStoreDownIT extends DemoTestSupport {

	@Test
	void withRedisDownOnlyTheSessionDemoFails() throws InterruptedException {
		RedisStore redis = SharedTestStores.get("redis").redis();
		redis.stop();
		try {
			Map<String, Object> problem = problem(this.http.get().uri("/api/v1/demos/sessions?country=ES").exchange(),
					503);
			assertThat(problem).containsEntry("store", "redis");
			problem(postRaw("/api/v1/demos/sessions", "{\"ttlSeconds\":5}"), 503);
			assertThat(map(map(post("/api/v1/demos/integrity", Map.of()).get("findings")).get("postgres")))
				.containsEntry("badRowsRefused", 4);
			List<Map<String, Object>> stores = list(get("/api/v1/demos/store-map").get("stores"));
			assertThat(stores).filteredOn((store) -> "redis".equals(store.get("store")))
				.singleElement()
				.satisfies((store) -> assertThat(store.get("status")).isEqualTo("DOWN"));
			assertThat(stores).filteredOn((store) -> !"redis".equals(store.get("store")))
				.allSatisfy((store) -> assertThat(store.get("status")).isEqualTo("UP"));
			Map<String, Object> reset = post("/api/v1/demos/reset", Map.of());
			assertThat(map(reset.get("stores"))).containsEntry("redis", "unavailable")
				.containsEntry("postgres", "reset");
		}
		finally {
			redis.start();
		}
		// the client reconnects by itself once Redis is back
		await("the session demo to work again", java.time.Duration.ofSeconds(30),
				() -> this.http.get()
					.uri("/api/v1/demos/sessions?country=ES")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value() == 200);
	}

}
