package io.polyglot.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.polyglot.app.WithoutLocalStores;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with every store up but MongoDB unreachable: it still starts (no seeding,
 * no indexes yet), the catalog endpoints answer 503 problem+json naming mongodb, and the
 * other concerns keep serving.
 */
@WithoutLocalStores
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class CatalogUnavailableIT {

	@DynamicPropertySource
	static void storesButMongoDbDown(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.all()).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + closedPort() + "/polyglot");
		registry.add("polyglot.catalog.server-selection-timeout", () -> "300ms");
	}

	@Autowired
	RestTestClient http;

	@Test
	void catalogEndpointsAnswer503WhileTheRestServes() {
		for (String path : new String[] { "/api/v1/categories", "/api/v1/products?category=book",
				"/api/v1/products/3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b", "/api/v1/products/facets?category=book" }) {
			Map<?, ?> problem = ApiTestSupport.problem(this.http.get().uri(path).exchange(), 503);
			assertThat(problem.get("store")).as(path).isEqualTo("mongodb");
		}
		// customers live in PostgreSQL and sessions in Redis: unaffected
		this.http.post()
			.uri("/api/v1/customers")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("username", ApiTestSupport.unique("nomongo"), "email",
					ApiTestSupport.unique("nomongo") + "@example.com", "password", ApiTestSupport.PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
