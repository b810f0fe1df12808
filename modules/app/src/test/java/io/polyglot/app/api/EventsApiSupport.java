package io.polyglot.app.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the event log API tests: events are seeded straight into the log (the outbox
 * relay is not part of these tests), and query values are sent as URI variables so
 * hostile text arrives exactly as written.
 */
abstract class EventsApiSupport extends ApiTestSupport {

	@Autowired
	EventLog eventLog;

	static Instant minutesAgo(long minutes) {
		return Instant.now().truncatedTo(ChronoUnit.MICROS).minus(minutes, ChronoUnit.MINUTES);
	}

	DomainEvent seed(EventStream stream, String type, Instant at, CustomerId owner, Map<String, String> payload) {
		DomainEvent event = new DomainEvent(UUID.randomUUID(), stream, type, at, owner, payload);
		this.eventLog.append(List.of(event));
		return event;
	}

	/** GET with the query parameters (in order), each value URI-encoded. */
	RestTestClient.ResponseSpec query(String path, String token, Map<String, String> parameters) {
		StringJoiner template = new StringJoiner("&", path + (parameters.isEmpty() ? "" : "?"), "");
		Map<String, String> variables = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String name = "v" + i++;
			template.add(parameter.getKey() + "={" + name + "}");
			variables.put(name, parameter.getValue());
		}
		RestTestClient.RequestHeadersSpec<?> request = this.http.get().uri(template.toString(), variables);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange();
	}

	/** A 200 page body. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> page(RestTestClient.ResponseSpec response) {
		Map<String, Object> body = response.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull().containsOnlyKeys("items", "nextCursor");
		return body;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

	static List<String> ids(Map<String, Object> page) {
		return items(page).stream().map((item) -> (String) item.get("id")).toList();
	}

	static List<String> ids(DomainEvent... events) {
		return java.util.Arrays.stream(events).map((event) -> event.id().toString()).toList();
	}

}
