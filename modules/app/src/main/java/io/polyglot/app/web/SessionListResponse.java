package io.polyglot.app.web;

import java.time.Instant;
import java.util.List;

/** The caller's live sessions: ids and times only, never a token or its hash. */
public record SessionListResponse(List<Item> items) {

	/** One session; {@code current} marks the one this request came with. */
	public record Item(String id, Instant createdAt, Instant lastSeenAt, boolean current) {

	}

}
