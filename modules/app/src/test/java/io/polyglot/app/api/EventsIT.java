package io.polyglot.app.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log over HTTP against the real stores: owners read their streams, other
 * customers get 404 (never 403), administrators read every stream, and
 * {@code /me/activity} is the caller's timeline across their streams.
 */
class EventsIT extends EventsApiSupport {

	/**
	 * Where reads end unless a test names its own range. The events these tests seed lie
	 * before it; the real CustomerRegistered and SessionStarted events that the outbox
	 * relay delivers for the customers a test registers are stamped after it, so they
	 * never mix with the seeded ones. Fixed per test, so a cursor stays in its range.
	 */
	private final Instant readsEndAt = minutesAgo(1);

	@Override
	RestTestClient.ResponseSpec query(String path, String token, Map<String, String> parameters) {
		if (parameters.containsKey("to")) {
			return super.query(path, token, parameters);
		}
		Map<String, String> withEnd = new LinkedHashMap<>(parameters);
		withEnd.put("to", this.readsEndAt.toString());
		return super.query(path, token, withEnd);
	}

	@Test
	void anOwnerReadsTheirCustomerAndAccountStreamsNewestFirst() {
		String username = unique("evt");
		CustomerId ada = CustomerId.parse(register(username, PASSWORD));
		String token = login(username, PASSWORD);
		EventStream customer = EventStream.customer(ada.value());
		EventStream account = EventStream.account(UUID.randomUUID());
		DomainEvent registered = seed(customer, "CustomerRegistered", minutesAgo(30), ada,
				Map.of("username", username));
		DomainEvent session = seed(customer, "SessionStarted", minutesAgo(10), ada, Map.of());
		DomainEvent deposit = seed(account, "DepositMade", minutesAgo(5), ada,
				Map.of("amount", "12.50", "currency", "EUR"));

		Map<String, Object> customerPage = page(query("/api/v1/events", token, Map.of("stream", customer.toString())));
		assertThat(ids(customerPage)).containsExactlyElementsOf(ids(session, registered));
		assertThat(customerPage.get("nextCursor")).isNull();
		Map<String, Object> item = items(customerPage).get(1);
		assertThat(item).containsOnlyKeys("id", "stream", "type", "occurredAt", "payload")
			.containsEntry("stream", customer.toString())
			.containsEntry("type", "CustomerRegistered")
			.containsEntry("payload", Map.of("username", username));
		assertThat(Instant.parse((String) item.get("occurredAt"))).isEqualTo(registered.occurredAt());

		Map<String, Object> accountPage = page(query("/api/v1/events", token, Map.of("stream", account.toString())));
		assertThat(ids(accountPage)).containsExactlyElementsOf(ids(deposit));
		assertThat(items(accountPage).get(0)).containsEntry("payload", Map.of("amount", "12.50", "currency", "EUR"));
	}

	@Test
	void anotherCustomersStreamIsNotFoundLikeAStreamThatDoesNotExist() {
		String ada = unique("evta");
		CustomerId adaId = CustomerId.parse(register(ada, PASSWORD));
		String bob = unique("evtb");
		register(bob, PASSWORD);
		String bobsToken = login(bob, PASSWORD);
		EventStream adasAccount = EventStream.account(UUID.randomUUID());
		seed(adasAccount, "DepositMade", minutesAgo(3), adaId, Map.of("amount", "1.00"));
		EventStream product = EventStream.product(UUID.randomUUID());
		seed(product, "ProductCreated", minutesAgo(3), null, Map.of());

		Map<String, Object> foreign = problem(
				query("/api/v1/events", bobsToken, Map.of("stream", adasAccount.toString())), 404);
		Map<String, Object> missing = problem(
				query("/api/v1/events", bobsToken, Map.of("stream", EventStream.account(UUID.randomUUID()).toString())),
				404);
		assertThat(foreign.get("title")).isEqualTo(missing.get("title"));
		problem(query("/api/v1/events", bobsToken, Map.of("stream", EventStream.customer(adaId.value()).toString())),
				404);
		// streams without an owner are for administrators only
		problem(query("/api/v1/events", bobsToken, Map.of("stream", product.toString())), 404);
	}

	@Test
	void anAdministratorReadsEveryStream() {
		String ada = unique("evtc");
		CustomerId adaId = CustomerId.parse(register(ada, PASSWORD));
		EventStream adasAccount = EventStream.account(UUID.randomUUID());
		DomainEvent deposit = seed(adasAccount, "DepositMade", minutesAgo(4), adaId, Map.of());
		EventStream product = EventStream.product(UUID.randomUUID());
		DomainEvent created = seed(product, "ProductCreated", minutesAgo(4), null, Map.of("sku", "SKU-1"));
		String admin = login(ADMIN_USERNAME, ADMIN_PASSWORD);

		assertThat(ids(page(query("/api/v1/events", admin, Map.of("stream", adasAccount.toString())))))
			.containsExactlyElementsOf(ids(deposit));
		assertThat(ids(page(query("/api/v1/events", admin, Map.of("stream", product.toString())))))
			.containsExactlyElementsOf(ids(created));
		problem(query("/api/v1/events", admin, Map.of("stream", EventStream.order(UUID.randomUUID()).toString())), 404);
	}

	@Test
	void activityIsTheCallersOwnStreamAndEmptyForANewCustomer() {
		String username = unique("evtd");
		CustomerId id = CustomerId.parse(register(username, PASSWORD));
		String token = login(username, PASSWORD);
		String other = unique("evte");
		CustomerId otherId = CustomerId.parse(register(other, PASSWORD));
		String othersToken = login(other, PASSWORD);

		Map<String, Object> empty = page(query("/api/v1/me/activity", othersToken, Map.of()));
		assertThat(items(empty)).isEmpty();
		assertThat(empty.get("nextCursor")).isNull();

		DomainEvent mine = seed(EventStream.customer(id.value()), "SessionStarted", minutesAgo(2), id, Map.of());
		seed(EventStream.customer(otherId.value()), "SessionStarted", minutesAgo(1), otherId, Map.of());
		assertThat(ids(page(query("/api/v1/me/activity", token, Map.of())))).containsExactlyElementsOf(ids(mine));
	}

	@Test
	void pagesFollowTheCursorAndTheSameRequestGivesTheSamePage() {
		String username = unique("evtf");
		CustomerId id = CustomerId.parse(register(username, PASSWORD));
		String token = login(username, PASSWORD);
		EventStream stream = EventStream.customer(id.value());
		List<DomainEvent> seeded = new ArrayList<>();
		// spread over three days, so pages cross day partitions
		for (int i = 0; i < 5; i++) {
			seeded.add(seed(stream, "SessionStarted", minutesAgo(5 + i * 15L * 60), id, Map.of()));
		}
		Map<String, String> first = Map.of("limit", "2");

		Map<String, Object> one = page(query("/api/v1/me/activity", token, first));
		Map<String, Object> oneAgain = page(query("/api/v1/me/activity", token, first));
		assertThat(oneAgain).isEqualTo(one);
		Map<String, Object> two = page(
				query("/api/v1/me/activity", token, Map.of("limit", "2", "cursor", (String) one.get("nextCursor"))));
		Map<String, Object> three = page(
				query("/api/v1/me/activity", token, Map.of("limit", "2", "cursor", (String) two.get("nextCursor"))));

		List<String> all = new ArrayList<>(ids(one));
		all.addAll(ids(two));
		all.addAll(ids(three));
		// seeded newest first
		assertThat(all).containsExactlyElementsOf(seeded.stream().map((e) -> e.id().toString()).toList());
		assertThat(three.get("nextCursor")).isNull();
		// the same stream through /events, by its owner
		assertThat(ids(page(query("/api/v1/events", token, Map.of("stream", stream.toString(), "limit", "2")))))
			.isEqualTo(ids(one));
	}

	@Test
	void fromAndToSelectAHalfOpenRange() {
		String username = unique("evtg");
		CustomerId id = CustomerId.parse(register(username, PASSWORD));
		String token = login(username, PASSWORD);
		EventStream stream = EventStream.customer(id.value());
		DomainEvent older = seed(stream, "SessionStarted", minutesAgo(120), id, Map.of());
		DomainEvent middle = seed(stream, "SessionEnded", minutesAgo(60), id, Map.of());
		seed(stream, "SessionStarted", minutesAgo(10), id, Map.of());

		Map<String, Object> page = page(query("/api/v1/events", token, Map.of("stream", stream.toString(), "from",
				older.occurredAt().toString(), "to", minutesAgo(30).toString())));
		assertThat(ids(page)).containsExactlyElementsOf(ids(middle, older));
		assertThat(ids(page(query("/api/v1/me/activity", token,
				Map.of("from", older.occurredAt().plusNanos(1000).toString(), "to", middle.occurredAt().toString())))))
			.isEmpty();
	}

}
