package io.polyglot.app.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.polyglot.app.WithoutLocalStores;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published contract, {@code docs/openapi.json}, is the document the service serves:
 * a change to the API is always a visible change of that file. The service starts here
 * with every optional endpoint on (the demos) and its stores unreachable: the document
 * comes from the controllers and their annotations, not from data, so this runs as a unit
 * test without the local stores. When the two differ the test prints the differing lines
 * and leaves the served document in {@code modules/app/target/openapi-live.json};
 * {@code scripts/update-openapi} (this test with {@code -Dopenapi.update=true}) rewrites
 * the committed copy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyglot.demos.enabled=true", "polyglot.outbox.relay-enabled=false",
				// nothing listens on port 9: no store is needed to describe the API
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none", "spring.datasource.username=none",
				"spring.flyway.enabled=false", "spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect",
				"spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
				"spring.jpa.hibernate.ddl-auto=none", "spring.mongodb.uri=mongodb://127.0.0.1:9/none",
				"spring.data.redis.port=9", "spring.cassandra.contact-points=127.0.0.1:9",
				"spring.neo4j.uri=bolt://127.0.0.1:9" })
@AutoConfigureRestTestClient
@WithoutLocalStores
class OpenApiDocumentTest {

	static final Path COMMITTED = Path.of("..", "..", "docs", "openapi.json");

	static final Path LIVE = Path.of("target", "openapi-live.json");

	@Autowired
	RestTestClient http;

	@Test
	void theServedDocumentIsTheCommittedOne() throws IOException {
		String live = OpenApiSupport.liveDocument(this.http);
		Files.createDirectories(LIVE.getParent());
		Files.writeString(LIVE, live, StandardCharsets.UTF_8);
		if (Boolean.getBoolean("openapi.update")) {
			Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
		}
		assertThat(COMMITTED).as("docs/openapi.json (regenerate: scripts/update-openapi)").exists();
		String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
		if (!committed.equals(live)) {
			fail("docs/openapi.json differs from the document the service serves (" + LIVE.toAbsolutePath()
					+ "). Regenerate it with scripts/update-openapi, lint it and commit the change.\n"
					+ diff(committed, live));
		}
	}

	@Test
	void theDiffNamesTheLinesOfEachSide() {
		assertThat(diff("a\nb\nc\n", "a\nx\nc\ny\n")).isEqualTo("-    2 b\n+    2 x\n+    4 y");
	}

	/**
	 * The lines only one side has, in order, prefixed "-" (committed) and "+" (live) with
	 * their line numbers: a longest-common-subsequence diff, at most 200 lines.
	 */
	static String diff(String committed, String live) {
		List<String> before = committed.lines().toList();
		List<String> after = live.lines().toList();
		// the common head and tail are left out of the quadratic part
		int head = 0;
		while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
			head++;
		}
		int tail = 0;
		while (tail < before.size() - head && tail < after.size() - head
				&& before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
			tail++;
		}
		List<String> a = before.subList(head, before.size() - tail);
		List<String> b = after.subList(head, after.size() - tail);
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> out = new ArrayList<>();
		int i = 0;
		int j = 0;
		while ((i < a.size() || j < b.size()) && out.size() < 200) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				i++;
				j++;
			}
			else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
				out.add(String.format("-%5d %s", head + i + 1, a.get(i++)));
			}
			else {
				out.add(String.format("+%5d %s", head + j + 1, b.get(j++)));
			}
		}
		return String.join("\n", out) + ((out.size() >= 200) ? "\n... (the first 200 differing lines)" : "");
	}

}
