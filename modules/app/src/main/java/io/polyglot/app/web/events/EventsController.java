package io.polyglot.app.web.events;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.domain.eventlog.EventReader;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.ReadActivity;
import io.polyglot.domain.eventlog.ReadEvents;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event log, read from Cassandra: one stream for its owner or an administrator, and
 * the caller's own activity timeline.
 */
@RestController
@RequestMapping("/api/v1")
public class EventsController {

	private final ReadEvents readEvents;

	private final ReadActivity readActivity;

	public EventsController(ReadEvents readEvents, ReadActivity readActivity) {
		this.readEvents = readEvents;
		this.readActivity = readActivity;
	}

	@GetMapping("/events")
	EventPageResponse events(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable String stream,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		if (stream == null || stream.isEmpty()) {
			throw new ValidationException("stream", "is required, for example customer:<uuid>");
		}
		EventStream parsed = EventStream.parse(stream);
		EventReader reader = new EventReader(caller.customerId(), caller.isAdmin());
		return EventPageResponse.of(this.readEvents.read(reader, parsed, EventQuery.instant("from", from),
				EventQuery.instant("to", to), PageRequest.parseLenient(limit, cursor)));
	}

	@GetMapping("/me/activity")
	EventPageResponse activity(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return EventPageResponse.of(this.readActivity.read(caller.customerId(), EventQuery.instant("from", from),
				EventQuery.instant("to", to), PageRequest.parseLenient(limit, cursor)));
	}

}
