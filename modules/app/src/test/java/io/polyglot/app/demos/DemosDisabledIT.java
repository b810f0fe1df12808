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
		DemoTestSupport.problem(this.http.get().uri("/api/v1/demos/store-map").exchange(), 404);
		DemoTestSupport.problem(this.http.get().uri("/api/v1/demos/choice").exchange(), 404);
		// a POST to a path nothing serves: not found, or refused as a method the static
		// resources do not take; never run
		for (String path : new String[] { "/api/v1/demos/integrity", "/api/v1/demos/reset" }) {
			int status = this.http.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of())
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			assertThat(status).as(path).isIn(404, 405);
		}
		this.http.get().uri("/").exchange().expectStatus().isNotFound();
		this.http.get().uri("/demo/app.js").exchange().expectStatus().isNotFound();
		assertThat(this.context.getBeanNamesForType(io.polyglot.domain.demo.ArchitectureDemos.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.polyglot.domain.demo.DemoData.class)).isEmpty();
	}

}
