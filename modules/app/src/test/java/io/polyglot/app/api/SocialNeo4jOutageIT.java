package io.polyglot.app.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.polyglot.app.WithoutLocalStores;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.localstores.Neo4jStore;
import io.polyglot.localstores.Ports;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import io.polyglot.localstores.StoreOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Neo4j going away and coming back under a running service. The service gets a Neo4j of
 * its own (the shared one other tests use is never stopped) and the shared stores for
 * everything else: with Neo4j stopped only the social endpoints answer 503, and once it
 * is started again they recover without restarting anything.
 */
@WithoutLocalStores
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SocialNeo4jOutageIT extends SocialTestSupport {

	private static Neo4jStore neo4j;

	private static Path neo4jData;

	@DynamicPropertySource
	static void storesWithAPrivateNeo4j(DynamicPropertyRegistry registry) throws IOException {
		neo4jData = Files.createTempDirectory("polyglot-social-outage-neo4j-");
		neo4j = new Neo4jStore(new StoreOptions(neo4jData, Ports.free(), Duration.ofSeconds(120), true));
		neo4j.start();
		Map<String, Object> properties = SpringConnectionProperties.of(SharedTestStores.all());
		properties.put("spring.neo4j.uri", neo4j.boltUri());
		properties.forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopThePrivateNeo4j() throws IOException {
		if (neo4j != null) {
			neo4j.stop();
		}
		if (neo4jData != null) {
			try (Stream<Path> paths = Files.walk(neo4jData)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	@Test
	void onlySocialEndpointsFailWhileNeo4jIsDownAndTheyRecoverByThemselves() {
		Member ada = member("ada");
		Member bob = member("bob");
		friends(ada, bob);

		neo4j.stop();

		for (Map<String, Object> problem : new Map[] { problem(get("/api/v1/friends", ada.token()), 503),
				problem(get("/api/v1/friends/suggestions", ada.token()), 503),
				problem(get(SocialGraphIT.pathUri(ada.id(), bob.id(), null), ada.token()), 503),
				problem(befriend(bob, ada.id()), 503), problem(unfriend(bob, ada.id()), 503) }) {
			assertThat(problem).containsEntry("store", "neo4j");
		}
		okBody(get("/api/v1/me", ada.token()));
		this.http.get()
			.uri("/api/v1/sessions")
			.header("Authorization", "Bearer " + ada.token())
			.exchange()
			.expectStatus()
			.isOk();
		// registration (PostgreSQL) keeps working; only its projection has to wait
		Member carl = registered("carl");
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> project(carl));

		neo4j.start();

		// a restarted Neo4j is cold (page cache, JIT): its first queries may run past the
		// query timeout (503) on a busy machine, so each check waits for the recovery
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(friendIds(ada)).containsExactly(bob.id()));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.untilAsserted(() -> {
				project(carl);
				friends(carl, ada);
			});
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(
					() -> assertThat(items(okBody(get("/api/v1/friends/suggestions", bob.token())))).extracting("id")
						.containsExactly(carl.id()));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(
					okBody(get(SocialGraphIT.pathUri(carl.id(), bob.id(), null), carl.token())).get("hops"))
				.isEqualTo(2));
	}

}
