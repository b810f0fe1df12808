package io.polyglot.adapter.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the JSONB columns this adapter writes (catalog documents, event payloads,
 * sessions). Whole numbers read back as {@code Long} and fractions as {@code Double}, the
 * same types the MongoDB adapter answers, so a product reads back equal whichever store
 * holds it.
 */
final class PostgresJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
	};

	private PostgresJson() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static Map<String, Object> readMap(String json) {
		return MAPPER.readValue(json, MAP);
	}

	/** A flat object of text fields (an outbox event's payload). */
	static Map<String, String> readTextMap(String json) {
		return MAPPER.readValue(json, TEXT_MAP);
	}

	static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
