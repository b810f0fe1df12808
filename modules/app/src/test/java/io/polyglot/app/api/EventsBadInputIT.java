package io.polyglot.app.api;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input to the event log endpoints: every one is a 400 problem+json
 * naming the parameter, never echoing it, and the stream reads the same afterwards.
 */
class EventsBadInputIT extends EventsApiSupport {

	private String token;

	private EventStream stream;

	@BeforeEach
	void customerWithThreeEvents() {
		String username = unique("evbad");
		CustomerId id = CustomerId.parse(register(username, PASSWORD));
		this.token = login(username, PASSWORD);
		this.stream = EventStream.customer(id.value());
		for (int i = 1; i <= 3; i++) {
			seed(this.stream, "SessionStarted", minutesAgo(i), id, Map.of());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "customer", "customer:", ":3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b",
			"wallet:3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b", "CUSTOMER:3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b",
			"customer:x' OR 1=1;--", "customer:3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b' OR '1'='1",
			"customer:3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b; DROP KEYSPACE polyglot", "customer:not-a-uuid",
			"customer:3f2b6c1e8a4d4e7f9b0a1c2d3e4f5a6b", "{\"$gt\":\"\"}",
			"customer:3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b\n", "order:%00", " " })
	void aMalformedStreamIsRefused(String stream) {
		Map<String, Object> problem = problem(query("/api/v1/events", this.token, Map.of("stream", stream)), 400);

		assertThat(fields(problem)).containsExactly("stream");
		assertThat(problem.toString()).doesNotContain("OR 1=1").doesNotContain("DROP");
	}

	@Test
	void aMissingEmptyOrHugeStreamIsRefused() {
		assertThat(fields(problem(query("/api/v1/events", this.token, Map.of()), 400))).containsExactly("stream");
		assertThat(fields(problem(query("/api/v1/events", this.token, Map.of("stream", "")), 400)))
			.containsExactly("stream");
		Map<String, Object> huge = problem(
				query("/api/v1/events", this.token, Map.of("stream", "customer:" + "a".repeat(6_000))), 400);
		assertThat(fields(huge)).containsExactly("stream");
		assertThat(huge.toString()).hasSizeLessThan(2_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yesterday", "2026-13-01T00:00:00Z", "2026-03-01", "2026-03-01T10:00:00", "1700000000",
			"2026-03-01T10:00:00Z' OR 1=1", "+999999999-01-01T00:00:00Z", "1969-12-31T00:00:00Z" })
	void unparseableOrAbsurdDatesAreRefused(String date) {
		assertThat(fields(problem(
				query("/api/v1/events", this.token, Map.of("stream", this.stream.toString(), "from", date)), 400)))
			.containsExactly("from");
		assertThat(fields(problem(query("/api/v1/me/activity", this.token, Map.of("to", date)), 400)))
			.containsExactly("to");
	}

	@Test
	void fromAfterToAndRangesLongerThanAYearAreRefused() {
		Instant now = Instant.now();
		String earlier = now.minus(Duration.ofDays(1)).toString();
		String later = now.toString();
		for (Map<String, String> range : List.of(Map.of("from", later, "to", earlier),
				Map.of("from", later, "to", later),
				Map.of("from", now.minus(Duration.ofDays(367)).toString(), "to", later),
				Map.of("from", now.plus(Duration.ofDays(1)).toString()),
				Map.of("to", "2026-01-01T00:00:00Z", "from", "2020-01-01T00:00:00Z"))) {
			assertThat(fields(problem(query("/api/v1/me/activity", this.token, range), 400))).containsExactly("from");
		}
		// exactly 366 days is allowed
		page(query("/api/v1/me/activity", this.token,
				Map.of("from", now.minus(Duration.ofDays(366)).toString(), "to", later)));
		// a date with an offset other than Z is understood
		page(query("/api/v1/me/activity", this.token, Map.of("from",
				OffsetDateTime.now(ZoneOffset.ofHours(2)).minusDays(10).truncatedTo(ChronoUnit.SECONDS).toString())));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "101", "1000000", "-1", "abc", "1.5", "99999999999999999999", " 5", "0x10" })
	void limitsOutsideOneToHundredAreRefused(String limit) {
		assertThat(fields(problem(query("/api/v1/me/activity", this.token, Map.of("limit", limit)), 400)))
			.containsExactly("limit");
		assertThat(fields(problem(
				query("/api/v1/events", this.token, Map.of("stream", this.stream.toString(), "limit", limit)), 400)))
			.containsExactly("limit");
	}

	@Test
	void tamperedAndForeignCursorsAreRefused() {
		// reads end before the relay's own CustomerRegistered and SessionStarted events
		// for this customer (stamped at registration, seconds ago; the seeds are minutes
		// old), so the page compared at the end cannot change under the test
		String to = Instant.now().minusSeconds(30).toString();
		Map<String, Object> first = page(query("/api/v1/me/activity", this.token, Map.of("limit", "1", "to", to)));
		String issued = (String) first.get("nextCursor");
		assertThat(issued).isNotNull();
		String position = Cursor.of(issued).decode();
		// the timeline's cursor names its owner: the same position under another
		// customer's id is foreign
		String foreignStream = Cursor
			.encode(position.replace(this.stream.id().toString(), UUID.randomUUID().toString()))
			.value();
		String flipped = issued.substring(0, issued.length() - 2) + (issued.endsWith("A") ? "BB" : "AA");

		for (String cursor : List.of("!!!", "A", "x".repeat(600), flipped, foreignStream,
				Cursor.encode("e1|customer:x' OR 1=1;--|2026-01-01|0|0").value(),
				Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { (byte) 0xfe, 1, 2 }))) {
			assertThat(fields(problem(
					query("/api/v1/me/activity", this.token, Map.of("limit", "1", "to", to, "cursor", cursor)), 400)))
				.as(cursor)
				.containsExactly("cursor");
		}
		// the stream still reads the same
		assertThat(page(query("/api/v1/me/activity", this.token, Map.of("limit", "1", "to", to)))).isEqualTo(first);
	}

	@Test
	void anonymousCallersAreUnauthorized() {
		problem(query("/api/v1/events", null, Map.of("stream", this.stream.toString())), 401);
		problem(query("/api/v1/me/activity", null, Map.of()), 401);
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(Map<String, Object> problem) {
		assertThat(problem.get("errors")).as("errors of %s", problem).isInstanceOf(List.class);
		return ((List<Map<String, String>>) problem.get("errors")).stream().map((error) -> error.get("field")).toList();
	}

}
