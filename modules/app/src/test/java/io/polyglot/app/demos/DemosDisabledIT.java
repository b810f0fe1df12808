package io.polyglot.app.demos;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production default ({@code polyglot.demos.enabled} unset) the demo page and
 * endpoints do not exist: 404 problem+json, and no demo bean is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DemosDisabledIT {

	@Autowired
	RestTestClient http;

	@Autowired
	ApplicationContext context;

	@Test
	void demosAreAbsentUnlessSwitchedOn() {
		DemoTestSupport.problem(this.http.post().uri("/api/v1/demos/integrity").exchange(), 404);
		DemoTestSupport.problem(this.http.get().uri("/api/v1/demos/store-map").exchange(), 404);
		DemoTestSupport.problem(this.http.post()
			.uri("/api/v1/demos/reset")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.exchange(), 404);
		this.http.get().uri("/").exchange().expectStatus().isNotFound();
		this.http.get().uri("/demo/app.js").exchange().expectStatus().isNotFound();
		assertThat(this.context.getBeanNamesForType(io.polyglot.domain.demo.ArchitectureDemos.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.polyglot.domain.demo.DemoData.class)).isEmpty();
	}

}
