package io.polyglot.app.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The caller's live sessions: ids and times only, never a token or its hash. */
public record SessionListResponse(List<Item> items) {

	/**
	 * One session; {@code current} marks the one this request came with. Named for the
	 * OpenAPI document: every page's {@code Item} would otherwise be one schema.
	 */
	@Schema(name = "SessionItem")
	public record Item(String id, Instant createdAt, Instant lastSeenAt, boolean current) {

	}

}
