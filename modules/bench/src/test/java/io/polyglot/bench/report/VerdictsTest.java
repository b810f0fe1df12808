package io.polyglot.bench.report;

import java.util.List;

import io.polyglot.bench.harness.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

	@Test
	void aStoreSlowerThanItsBaselineEverywhereIsCalledOut() {
		List<Verdicts.Verdict> verdicts = Verdicts.of(List.of(row("graph", "fof", "port", "Neo4j", 7.0),
				row("graph", "fof", "raw", "Neo4j", 6.0), row("graph", "fof", "baseline", "PostgreSQL 17", 2.0)));
		Verdicts.Verdict verdict = verdicts.get(0);
		assertThat(verdict.medianOverhead()).isCloseTo(7.0 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(verdict.medianBaseline()).isCloseTo(2.0 / 7.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(verdict.line()).startsWith("PostgreSQL is faster here").contains("not supported");
	}

	@Test
	void theGraphVerdictNamesTheDepthFromWhichNeo4jWins() {
		List<Verdicts.Verdict> verdicts = Verdicts.of(List.of(row("graph", "neighbourhood-d2", "raw", "Neo4j", 3.0),
				row("graph", "neighbourhood-d2", "baseline", "PostgreSQL", 1.0),
				row("graph", "neighbourhood-d3", "raw", "Neo4j", 5.0),
				row("graph", "neighbourhood-d3", "baseline", "PostgreSQL", 10.0),
				row("graph", "neighbourhood-d4", "raw", "Neo4j", 8.0),
				row("graph", "neighbourhood-d4", "baseline", "PostgreSQL", 80.0)));
		assertThat(verdicts.get(0).line()).contains("Neo4j faster than PostgreSQL from depth 3 at 10k friendships");
	}

	@Test
	void theBestOfTwoBaselinesIsTheOneCompared() {
		List<Verdicts.Verdict> verdicts = Verdicts.of(List.of(row("sessions", "touch", "port", "Redis", 0.2),
				row("sessions", "touch", "baseline", "PostgreSQL logged", 0.9),
				row("sessions", "touch", "baseline", "PostgreSQL unlogged", 0.4)));
		assertThat(verdicts.get(0).baseline().get(0).otherP50()).isEqualTo(0.4);
		assertThat(verdicts.get(0).line()).startsWith("Redis faster than PostgreSQL in every workload");
	}

	private static Row row(String concern, String workload, String target, String store, double p50) {
		return new Row(concern, workload, target, store, 10_000, 1, null, 1, 100, 0, 1.0, 100, p50, p50, p50, p50, p50,
				"");
	}

}
