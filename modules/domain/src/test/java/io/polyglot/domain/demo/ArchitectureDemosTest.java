package io.polyglot.domain.demo;

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demos' input rules and generated data, without stores: bad input is refused before
 * any port is called, and the generated shop and graph are the same on every call.
 */
class ArchitectureDemosTest {

	/** Ports that fail the test if a demo reaches them. */
	private static <T> T untouchable(Class<T> port) {
		return port
			.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] { port }, (proxy, method, args) -> {
				throw new AssertionError(method.getName() + " must not be called for bad input");
			}));
	}

	private final ArchitectureDemos demos = new ArchitectureDemos(new ArchitectureDemos.Stores(
			untouchable(IntegrityPlayground.class), untouchable(IntegrityPlayground.class),
			untouchable(CustomerOrdersPlayground.class), untouchable(CustomerOrdersPlayground.class),
			untouchable(SessionPlayground.class), untouchable(PartitionPlayground.class),
			untouchable(FriendGraphPlayground.class), untouchable(FriendGraphPlayground.class),
			untouchable(TransferPlayground.class), untouchable(TransferPlayground.class), untouchable(DemoOutbox.class),
			untouchable(DemoEventLog.class), untouchable(IndexPlayground.class)));

	@Test
	void badInputIsRefusedNamingTheFieldBeforeAnyStoreIsAsked() {
		Map<String, Runnable> cases = Map.ofEntries(Map.entry("name", () -> this.demos.renameProduct(" ")),
				Map.entry("name ", () -> this.demos.renameProduct("<b>x</b>")),
				Map.entry("ttlSeconds", () -> this.demos.startSession(0)),
				Map.entry("token", () -> this.demos.readSession("../etc")),
				Map.entry("country", () -> this.demos.sessionsIn("XX")),
				Map.entry("stream", () -> this.demos.partitions("customer:1", 3)),
				Map.entry("days", () -> this.demos.partitions("account:demo-1", 31)),
				Map.entry("maxDepth", () -> this.demos.friendsOfFriends(5, 1)),
				Map.entry("person", () -> this.demos.friendsOfFriends(2, 0)),
				Map.entry("transfers", () -> this.demos.transfers(0, 1, 1)),
				Map.entry("threads", () -> this.demos.transfers(1, 17, 1)),
				Map.entry("failEvery", () -> this.demos.transfers(1, 1, 101)),
				Map.entry("relayPauseMillis", () -> this.demos.eventualConsistency(-1)));
		cases.forEach((field, call) -> assertThatThrownBy(call::run).isInstanceOf(ValidationException.class)
			.satisfies(
					(ex) -> assertThat(((ValidationException) ex).errors().get(0).field()).isEqualTo(field.strip())));
	}

	@Test
	void theGeneratedGraphIsTheSameEveryTimeWithoutSelfLoopsOrDuplicates() {
		DemoGraph graph = DemoGraph.standard();
		assertThat(DemoGraph.standard().fingerprint()).isEqualTo(graph.fingerprint());
		Set<String> seen = new HashSet<>();
		for (int[] edge : graph.edges()) {
			assertThat(edge[0]).isLessThan(edge[1]);
			assertThat(seen.add(edge[0] + "-" + edge[1])).isTrue();
		}
		assertThat(graph.edges().size()).isBetween(20_000, 25_000);
	}

	@Test
	void theShopGivesAnaTwoOrdersOfTwoLinesAndTheRenamedProductIsInHerFirstLine() {
		assertThat(DemoShop.ordersOf(DemoShop.ANA_ID)).containsExactly(DemoShop.ANA_ID,
				DemoShop.ANA_ID + DemoShop.CUSTOMERS);
		assertThat(DemoShop.sku(DemoShop.lineProduct(DemoShop.ANA_ID, 0))).isEqualTo(DemoShop.RENAMED_SKU);
		assertThat(DemoShop.INTEGRITY_ATTEMPTS).filteredOn(DemoShop.Attempt::bad).hasSize(4);
		assertThat(StoreChoice.QUESTIONS).extracting(StoreChoice.Question::store)
			.containsAll(List.of("postgres", "mongodb", "redis", "cassandra", "neo4j"));
	}

	@Test
	void textTablesAlignColumnsAndCountRows() {
		String table = TextTable.of(List.of(Map.of("a", 1), Map.of("a", 22)), 10);
		assertThat(table).isEqualTo("a \n--\n1 \n22\n(2 rows)");
	}

}
