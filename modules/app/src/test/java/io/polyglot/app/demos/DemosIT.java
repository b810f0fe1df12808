package io.polyglot.app.demos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo endpoint on the real stores: the figures each demo exists to show, bad input
 * refused with problem+json, and repeated runs giving the same answer.
 */
class DemosIT extends DemoTestSupport {

	@Test
	void integrityPostgresRefusesEveryBadRowMongoAcceptsTheOrphanAndARepeatGivesTheSame() {
		for (int run = 0; run < 2; run++) {
			Map<String, Object> answer = post("/api/v1/demos/integrity", Map.of());
			Map<String, Object> postgres = map(map(answer.get("findings")).get("postgres"));
			Map<String, Object> mongodb = map(map(answer.get("findings")).get("mongodb"));
			assertThat(postgres).containsEntry("badRowsRefused", 4).containsEntry("accepted", 2);
			assertThat(mongodb).containsEntry("badRowsRefused", 1)
				.containsEntry("badRowsAccepted", 3)
				.containsEntry("orphanOrders", 1);
			List<Map<String, Object>> steps = list(answer.get("steps"));
			assertThat(steps).anySatisfy((step) -> {
				assertThat(step.get("store")).isEqualTo("postgres");
				assertThat(step.get("outcome")).isEqualTo("REFUSED");
				assertThat((String) step.get("result")).contains("foreign key constraint");
			});
			assertThat(steps)
				.allSatisfy((step) -> assertThat(((Number) step.get("millis")).doubleValue()).isNotNegative());
			assertThat((String) answer.get("explanation")).isNotBlank();
		}
	}

	@Test
	void documentsReadTheSameCustomerAsJoinRowsAndAsOneDocumentAndARenameFansOut() {
		Map<String, Object> read = post("/api/v1/demos/documents", Map.of());
		assertThat(map(map(read.get("findings")).get("postgres"))).containsEntry("rows", 4).containsEntry("orders", 2);
		assertThat(map(map(read.get("findings")).get("mongodb"))).containsEntry("documentsRead", 1)
			.containsEntry("orders", 2);
		assertThat(list(read.get("steps")))
			.anySatisfy((step) -> assertThat((String) step.get("result")).contains("Ana López").contains("orders"));

		Map<String, Object> rename = post("/api/v1/demos/documents/rename", Map.of("name", "Desk lamp"));
		assertThat(map(map(rename.get("findings")).get("postgres"))).containsEntry("copiesUpdated", 1);
		Map<String, Object> mongodb = map(map(rename.get("findings")).get("mongodb"));
		assertThat(((Number) mongodb.get("copiesUpdated")).intValue()).isGreaterThan(100);
		assertThat(((Number) mongodb.get("disagreeingMidway")).intValue()).isPositive();
		// the copies agree again once the rename is done: a second rename finds them all
		Map<String, Object> again = post("/api/v1/demos/documents/rename", Map.of("name", "Desk lamp II"));
		assertThat(map(map(again.get("findings")).get("mongodb")).get("copiesUpdated"))
			.isEqualTo(mongodb.get("copiesUpdated"));
	}

	@Test
	void renameRefusesMissingEmptyOversizedHostileAndUnknownInput() {
		for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(61) + "\"}",
				"{\"name\":\"<script>alert(1)</script>\"}", "{\"name\":\"a\\u0000b\"}")) {
			Map<String, Object> problem = problem(postRaw("/api/v1/demos/documents/rename", body), 400);
			assertThat(problem.toString()).contains("name");
		}
		problem(postRaw("/api/v1/demos/documents/rename", "{\"name\":\"ok\",\"extra\":1}"), 400);
		problem(postRaw("/api/v1/demos/documents/rename", "{\"name\":"), 400);
		problem(postRaw("/api/v1/demos/documents/rename", "{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413);
	}

	@Test
	void aSessionIsFoundByKeyUntilItsTtlRunsOut() throws InterruptedException {
		Map<String, Object> started = post("/api/v1/demos/sessions", Map.of("ttlSeconds", 1));
		String token = (String) map(started.get("findings")).get("token");
		assertThat(token).matches("[0-9a-f]{32}");
		assertThat(list(started.get("steps"))).extracting((step) -> step.get("statement"))
			.anySatisfy((statement) -> assertThat((String) statement).startsWith("SET demo:session:").endsWith("EX ?"));
		await("the session to expire", Duration.ofSeconds(10),
				() -> Boolean.FALSE.equals(map(get("/api/v1/demos/sessions/" + token).get("findings")).get("found")));
		problem(postRaw("/api/v1/demos/sessions", "{\"ttlSeconds\":0}"), 400);
		problem(postRaw("/api/v1/demos/sessions", "{\"ttlSeconds\":3601}"), 400);
		problem(postRaw("/api/v1/demos/sessions", "{\"ttlSeconds\":\"five\"}"), 400);
		problem(this.http.get().uri("/api/v1/demos/sessions/not-a-token").exchange(), 400);
	}

	@Test
	void sessionsByCountryNeedAScanOfEveryKeyOrAnIndexThatGoesStale() {
		Map<String, Object> findings = map(get("/api/v1/demos/sessions?country=ES").get("findings"));
		// 3,000 are seeded; every tenth lives 5 s on purpose, so a scan later finds 2,700
		assertThat(((Number) findings.get("keysScanned")).intValue()).isGreaterThanOrEqualTo(2700);
		int matches = ((Number) findings.get("matchesByScan")).intValue();
		assertThat(matches).isPositive();
		assertThat(((Number) findings.get("indexMembers")).intValue()).isGreaterThanOrEqualTo(matches);
		problem(this.http.get().uri("/api/v1/demos/sessions?country=XX").exchange(), 400);
		problem(this.http.get().uri("/api/v1/demos/sessions?country=" + "E".repeat(5000)).exchange(), 400);
	}

	@Test
	void aTimeRangeReadTouchesOnlyThePartitionsOfItsDays() {
		Map<String, Object> findings = map(
				post("/api/v1/demos/partitions", Map.of("stream", "account:demo-2", "days", 3)).get("findings"));
		assertThat(findings).containsEntry("partitionsTouched", 3)
			.containsEntry("partitionsOfStream", 30)
			.containsEntry("partitionsInTable", 90)
			.containsEntry("rowsRead", 150)
			.containsEntry("unboundedPartitionRows", 1500);
		problem(postRaw("/api/v1/demos/partitions", "{\"days\":0}"), 400);
		problem(postRaw("/api/v1/demos/partitions", "{\"days\":31}"), 400);
		problem(postRaw("/api/v1/demos/partitions", "{\"stream\":\"customer:' OR 1=1\"}"), 400);
	}

	@Test
	void cypherAndRecursiveSqlReachTheSamePeopleAtEveryDepth() {
		Map<String, Object> findings = map(
				post("/api/v1/demos/graph", Map.of("maxDepth", 3, "person", 7)).get("findings"));
		List<Map<String, Object>> byDepth = list(findings.get("byDepth"));
		assertThat(byDepth).hasSize(3);
		long previous = 0;
		for (Map<String, Object> point : byDepth) {
			assertThat(point.get("neo4jReached")).isEqualTo(point.get("postgresReached"));
			long reached = ((Number) point.get("neo4jReached")).longValue();
			assertThat(reached).isGreaterThan(previous);
			previous = reached;
			assertThat(((Number) point.get("neo4jMillis")).doubleValue()).isPositive();
			assertThat(((Number) point.get("postgresMillis")).doubleValue()).isPositive();
		}
		problem(postRaw("/api/v1/demos/graph", "{\"maxDepth\":5}"), 400);
		problem(postRaw("/api/v1/demos/graph", "{\"maxDepth\":0}"), 400);
		problem(postRaw("/api/v1/demos/graph", "{\"person\":5001}"), 400);
	}

	@Test
	void postgresKeepsTheTotalThroughInjectedFailuresAndTheNonTransactionalVersionDrifts() {
		Map<String, Object> concurrent = map(
				post("/api/v1/demos/transfers", Map.of("transfers", 100, "threads", 8, "failEvery", 10))
					.get("findings"));
		Map<String, Object> postgres = map(concurrent.get("postgres"));
		assertThat(postgres).containsEntry("drift", "0.00")
			.containsEntry("committed", 90)
			.containsEntry("failedBetweenDebitAndCredit", 10);
		assertThat(postgres.get("totalAfter")).isEqualTo(postgres.get("totalBefore"));
		// one thread: no lost updates, so the drift is exactly the money the failures
		// lost
		Map<String, Object> sequential = map(
				post("/api/v1/demos/transfers", Map.of("transfers", 20, "threads", 1, "failEvery", 5)).get("findings"));
		Map<String, Object> mongodb = map(sequential.get("mongodb"));
		assertThat(mongodb).containsEntry("failedBetweenDebitAndCredit", 4);
		assertThat(Double.parseDouble((String) mongodb.get("drift"))).isNegative();
		assertThat(map(sequential.get("postgres"))).containsEntry("drift", "0.00");
		problem(postRaw("/api/v1/demos/transfers", "{\"transfers\":2001}"), 400);
		problem(postRaw("/api/v1/demos/transfers", "{\"threads\":17}"), 400);
		problem(postRaw("/api/v1/demos/transfers", "{\"failEvery\":-1}"), 400);
	}

	@Test
	void aCommittedTransferReachesTheEventLogOnlyAfterTheRelay() {
		Map<String, Object> findings = map(
				post("/api/v1/demos/eventual", Map.of("relayPauseMillis", 300)).get("findings"));
		assertThat(findings).containsEntry("foundRightAfterCommit", false).containsEntry("foundAfterRelay", true);
		assertThat(((Number) findings.get("lagMillis")).doubleValue()).isGreaterThanOrEqualTo(300);
		problem(postRaw("/api/v1/demos/eventual", "{\"relayPauseMillis\":10001}"), 400);
	}

	@Test
	void theIndexTurnsASequentialScanIntoAnIndexLookupAndCanBeRunAgain() {
		for (int run = 0; run < 2; run++) {
			Map<String, Object> answer = post("/api/v1/demos/index", Map.of());
			Map<String, Object> findings = map(answer.get("findings"));
			assertThat((String) findings.get("planBefore")).contains("Seq Scan");
			assertThat((String) findings.get("planAfter")).doesNotContain("Seq Scan");
			List<Map<String, Object>> plans = list(answer.get("steps")).stream()
				.filter((step) -> ((String) step.get("statement")).startsWith("EXPLAIN"))
				.toList();
			assertThat(plans).hasSize(2);
			assertThat((String) plans.get(1).get("result")).contains("index_orders_email");
			assertThat(findings).containsEntry("rows", 6);
		}
	}

	@Test
	void theStoreChoiceAndTheStoreMapDescribeEveryStore() {
		Map<String, Object> choice = get("/api/v1/demos/choice");
		assertThat(list(choice.get("questions"))).hasSize(8)
			.extracting((question) -> question.get("store"))
			.contains("postgres", "mongodb", "redis", "cassandra", "neo4j");
		get("/api/v1/demos/store-map");
		Map<String, Object> map = get("/api/v1/demos/store-map");
		assertThat(list(map.get("stores"))).hasSize(5).allSatisfy((store) -> {
			assertThat(store.get("status")).isEqualTo("UP");
			assertThat((String) store.get("implementation")).isNotBlank();
			assertThat(store).containsKeys("opsPerSecond", "p99Millis", "metricSource");
		});
		assertThat(map(map.get("outbox"))).containsKey("eventlog");
	}

	@Test
	void resetDropsEveryStoresDemoDataAndTheNextRunSeedsItAgain() {
		Map<String, Object> reset = post("/api/v1/demos/reset", Map.of());
		assertThat(map(reset.get("stores"))).containsOnly(Map.entry("postgres", "reset"), Map.entry("mongodb", "reset"),
				Map.entry("redis", "reset"), Map.entry("cassandra", "reset"), Map.entry("neo4j", "reset"));
		assertThat(map(map(post("/api/v1/demos/integrity", Map.of()).get("findings")).get("postgres")))
			.containsEntry("badRowsRefused", 4);
	}

}
