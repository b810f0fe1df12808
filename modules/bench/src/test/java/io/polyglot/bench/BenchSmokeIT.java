package io.polyglot.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole bench at a tiny size against the real local stores (started and stopped by
 * the run itself): every workload's equivalence checks pass and the run writes valid
 * JSON, Markdown and self-contained HTML. Only the shape of the output is asserted, never
 * a time.
 */
// In every build (the issue allows up to ~3 minutes): it took 126 s and 170 s on the
// shared
// 2-core machine under load 13-14 (stores ready in 42-65 s). Skip it with
// -Dpolyglot.bench.smoke=false.
@DisabledIfSystemProperty(named = "polyglot.bench.smoke", matches = "false")
class BenchSmokeIT {

	@Test
	void aTinyRunOfEveryWorkloadWritesValidResults(@TempDir Path out) throws Exception {
		int exit = new CommandLine(new BenchCommand()).execute("--quick", "--size", "200", "--clients", "1",
				"--warm-up", "PT0S", "--measure", "PT0.2S", "--samples", "3", "--out", out.toString());
		assertThat(exit).as("exit code (2 = an equivalence check failed)").isZero();

		Path latest = out.resolve("latest");
		assertThat(latest).exists();
		JsonNode results = JsonMapper.builder().build().readTree(Files.readString(latest.resolve("results.json")));
		assertThat(results.get("environment").get("cores").asInt()).isPositive();
		assertThat(results.get("environment").get("stores").size()).isEqualTo(5);
		assertThat(results.get("failures").size()).isZero();
		JsonNode rows = results.get("rows");
		assertThat(rows.size()).isGreaterThan(40);
		for (JsonNode row : rows) {
			assertThat(row.get("ops").asLong()).as("ops of %s", row).isPositive();
			assertThat(row.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(row.get("p50Ms").asDouble());
		}
		assertThat(rows.findValuesAsString("concern")).contains("sessions", "catalog", "eventlog", "graph", "transfers",
				"outbox", "documents");
		assertThat(results.get("verdicts").size()).isEqualTo(8);

		String html = Files.readString(latest.resolve("report.html"));
		assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").endsWith("</html>\n");
		assertThat(html).doesNotContain("http://", "https://").as("no network needed to open it");
		assertThat(Files.readString(latest.resolve("report.md"))).contains("| Concern | Store |");
	}

}
