package io.polyglot.app.web.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.shared.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A page of events, newest first, and the cursor of the next page (null on the last). */
public record EventPageResponse(List<Item> items, @Nullable String nextCursor) {

	static EventPageResponse of(Page<DomainEvent> page) {
		return new EventPageResponse(page.items().stream().map(Item::of).toList(),
				(page.nextCursor() != null) ? page.nextCursor().value() : null);
	}

	/**
	 * One event as the API shows it; the owner stays internal. Named for the OpenAPI
	 * document: every page's {@code Item} would otherwise be one schema.
	 */
	@Schema(name = "EventItem")
	public record Item(String id, String stream, String type, Instant occurredAt, Map<String, String> payload) {

		static Item of(DomainEvent event) {
			return new Item(event.id().toString(), event.stream().toString(), event.type(), event.occurredAt(),
					event.payload());
		}

	}

}
