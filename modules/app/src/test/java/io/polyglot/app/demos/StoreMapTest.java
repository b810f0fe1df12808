package io.polyglot.app.demos;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.polyglot.app.routing.Routing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The store map lists each concern under the store the routing gives it. */
class StoreMapTest {

	@Test
	void byDefaultEachConcernIsOnItsSpecialisedStore() {
		Map<String, List<String>> concerns = new StoreMap(Map.of(), new SimpleMeterRegistry(), Routing.defaults())
			.concerns();

		assertThat(concerns.get("postgres")).containsExactlyElementsOf(StoreMap.RELATIONAL_CONCERNS);
		assertThat(concerns.get("mongodb")).containsExactly("product catalog", "stock");
		assertThat(concerns.get("redis")).containsExactly("sessions", "login throttle");
		assertThat(concerns.get("cassandra")).containsExactly("event log", "activity timelines");
		assertThat(concerns.get("neo4j")).containsExactly("friendships", "friends-of-friends", "paths");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aConcernRoutedToPostgresIsListedThereAndItsStoreIsShownUnrouted() {
		StoreMap map = new StoreMap(Map.of(), new SimpleMeterRegistry(),
				new Routing("postgres", "redis", "cassandra", "postgres"));

		Map<String, List<String>> concerns = map.concerns();
		assertThat(concerns.get("postgres")).contains("customers", "product catalog", "stock", "friendships", "paths")
			.doesNotContain("sessions", "event log");
		assertThat(concerns.get("mongodb")).isEmpty();
		assertThat(concerns.get("neo4j")).isEmpty();

		Map<String, Object> now = map.now();
		assertThat((Map<String, String>) now.get("routing")).containsEntry("catalog", "postgres")
			.containsEntry("sessions", "redis")
			.containsEntry("social-graph", "postgres");
		assertThat((List<Map<String, Object>>) now.get("stores"))
			.filteredOn((store) -> store.get("store").equals("mongodb"))
			.singleElement()
			.satisfies((store) -> assertThat(store).containsEntry("routed", false));
		assertThat((List<Map<String, Object>>) now.get("stores"))
			.filteredOn((store) -> store.get("store").equals("redis"))
			.singleElement()
			.satisfies((store) -> assertThat(store).containsEntry("routed", true));
	}

}
