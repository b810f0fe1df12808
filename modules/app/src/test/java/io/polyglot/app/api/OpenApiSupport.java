package io.polyglot.app.api;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.client.RestTestClient;

/** The OpenAPI document as the running service serves it, in a stable, diffable form. */
final class OpenApiSupport {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private OpenApiSupport() {
	}

	/** {@code /v3/api-docs}, pretty-printed, ending in a newline. */
	static String liveDocument(RestTestClient http) {
		String raw = http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		Object document = JSON.readValue(raw, Object.class);
		return JSON.writeValueAsString(document) + "\n";
	}

}
