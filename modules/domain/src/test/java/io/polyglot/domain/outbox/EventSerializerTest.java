package io.polyglot.domain.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.polyglot.domain.account.AccountEvent;
import io.polyglot.domain.account.AccountEvent.DepositMade;
import io.polyglot.domain.account.AccountEvent.Direction;
import io.polyglot.domain.account.AccountEvent.MoneyTransferred;
import io.polyglot.domain.account.AccountId;
import io.polyglot.domain.account.CustomerEvent;
import io.polyglot.domain.account.CustomerEvent.CustomerRegistered;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.catalog.CatalogEvent.ProductCreated;
import io.polyglot.domain.catalog.CatalogEvent.ProductDeleted;
import io.polyglot.domain.catalog.CatalogEvent.ProductSnapshot;
import io.polyglot.domain.catalog.CatalogEvent.ProductUpdated;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.order.OrderEvent;
import io.polyglot.domain.order.OrderEvent.OrderCancelled;
import io.polyglot.domain.order.OrderEvent.OrderPaid;
import io.polyglot.domain.order.OrderEvent.OrderPlaced;
import io.polyglot.domain.order.OrderEvent.OrderShipped;
import io.polyglot.domain.outbox.EventSerializer.MalformedEventException;
import io.polyglot.domain.session.SessionEvent.AllSessionsEnded;
import io.polyglot.domain.session.SessionEvent.SessionEnded;
import io.polyglot.domain.session.SessionEvent.SessionStarted;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.social.SocialEvent.FriendshipAdded;
import io.polyglot.domain.social.SocialEvent.FriendshipRemoved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored format of every event type, written out as rows the service has stored
 * before events were typed: each reads as its typed event and writes back to exactly the
 * same row (type, stream, owner and payload), so stored outbox and event-log rows keep
 * reading and the {@code /events} JSON stays the same.
 */
class EventSerializerTest {

	private static final UUID EVENT = UUID.fromString("0b8c2e64-5f1a-4c8e-9d3b-7a6f5e4d3c2b");

	private static final Instant AT = Instant.parse("2026-11-30T09:15:30.123456Z");

	private static final CustomerId ADA = CustomerId.parse("3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b");

	private static final CustomerId BOB = CustomerId.parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

	private static final UUID ACCOUNT = UUID.fromString("11111111-2222-4333-8444-555555555555");

	private static final UUID OTHER_ACCOUNT = UUID.fromString("66666666-7777-4888-9999-aaaaaaaaaaaa");

	private static final UUID ORDER = UUID.fromString("c0ffee00-1234-4abc-8def-0123456789ab");

	private static final UUID BOOK = UUID.fromString("b00c0000-0000-4000-8000-000000000001");

	private static final UUID LAMP = UUID.fromString("1a3b0000-0000-4000-8000-000000000002");

	private static final UUID ENTRY = UUID.fromString("e0e0e0e0-1111-4222-8333-444444444444");

	private static final UUID TRANSFER = UUID.fromString("7e7e7e7e-1111-4222-8333-444444444444");

	private static final String SESSION = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

	static Stream<Arguments> storedRows() {
		ProductSnapshot lamp = new ProductSnapshot(new ProductId(LAMP), "LAMP-1", "Desk lamp, \"brass\"",
				new CategoryCode("home"), Money.parse("49.90", "EUR"), 7, 3);
		Map<String, String> lampPayload = Map.of("productId", LAMP.toString(), "sku", "LAMP-1", "name",
				"Desk lamp, \"brass\"", "category", "home", "price", "49.90", "currency", "EUR", "stock", "7",
				"version", "3");
		Map<String, String> orderPayload = Map.of("orderId", ORDER.toString(), "customerId", ADA.toString(), "total",
				"37.50", "currency", "EUR", "productIds", BOOK + "," + LAMP);
		List<UUID> products = List.of(BOOK, LAMP);
		Money total = Money.parse("37.50", "EUR");
		return Stream.of(
				row("CustomerRegistered", EventStream.customer(ADA.value()), ADA,
						Map.of("customerId", ADA.toString(), "username", "ada.lovelace"),
						new CustomerRegistered(ADA, new Username("ada.lovelace"))),
				row("SessionStarted", EventStream.customer(ADA.value()), ADA, Map.of("sessionId", SESSION),
						new SessionStarted(ADA, SESSION)),
				row("SessionEnded", EventStream.customer(ADA.value()), ADA,
						Map.of("sessionId", SESSION, "scope", "current"), new SessionEnded(ADA, SESSION)),
				row("SessionEnded", EventStream.customer(ADA.value()), ADA, Map.of("scope", "all", "count", "3"),
						new AllSessionsEnded(ADA, 3)),
				row("DepositMade", EventStream.account(ACCOUNT), ADA,
						Map.of("accountId", ACCOUNT.toString(), "amount", "12.50", "currency", "EUR", "balance",
								"112.50", "entryId", ENTRY.toString()),
						new DepositMade(new AccountId(ACCOUNT), ADA, Money.parse("12.50", "EUR"),
								Money.parse("112.50", "EUR"), ENTRY)),
				row("MoneyTransferred", EventStream.account(ACCOUNT), ADA,
						Map.of("transferId", TRANSFER.toString(), "fromAccountId", ACCOUNT.toString(), "toAccountId",
								OTHER_ACCOUNT.toString(), "amount", "0.01", "currency", "EUR", "direction", "out"),
						new MoneyTransferred(TRANSFER, new AccountId(ACCOUNT), new AccountId(OTHER_ACCOUNT),
								Money.parse("0.01", "EUR"), Direction.OUT, ADA)),
				row("MoneyTransferred", EventStream.account(OTHER_ACCOUNT), BOB,
						Map.of("transferId", TRANSFER.toString(), "fromAccountId", ACCOUNT.toString(), "toAccountId",
								OTHER_ACCOUNT.toString(), "amount", "0.01", "currency", "EUR", "direction", "in"),
						new MoneyTransferred(TRANSFER, new AccountId(ACCOUNT), new AccountId(OTHER_ACCOUNT),
								Money.parse("0.01", "EUR"), Direction.IN, BOB)),
				row("OrderPlaced", EventStream.order(ORDER), ADA, with(orderPayload, "status", "PENDING", "lines", "2"),
						new OrderPlaced(ORDER, ADA, total, products, 2)),
				row("OrderPaid", EventStream.order(ORDER), ADA,
						with(orderPayload, "status", "PAID", "ledgerEntryId", ENTRY.toString()),
						new OrderPaid(ORDER, ADA, total, products, ENTRY)),
				row("OrderCancelled", EventStream.order(ORDER), ADA,
						with(orderPayload, "status", "CANCELLED", "refunded", "true"),
						new OrderCancelled(ORDER, ADA, total, products, true)),
				row("OrderCancelled", EventStream.order(ORDER), ADA,
						with(orderPayload, "status", "CANCELLED", "refunded", "false"),
						new OrderCancelled(ORDER, ADA, total, products, false)),
				row("OrderShipped", EventStream.order(ORDER), ADA, with(orderPayload, "status", "SHIPPED"),
						new OrderShipped(ORDER, ADA, total, products)),
				row("OrderShipped", EventStream.order(ORDER), ADA,
						Map.of("orderId", ORDER.toString(), "customerId", ADA.toString(), "status", "SHIPPED", "total",
								"0.00", "currency", "EUR", "productIds", ""),
						new OrderShipped(ORDER, ADA, Money.zero("EUR"), List.of())),
				row("FriendshipAdded", EventStream.customer(ADA.value()), ADA,
						Map.of("customerId", ADA.toString(), "friendId", BOB.toString()),
						new FriendshipAdded(ADA, BOB)),
				row("FriendshipRemoved", EventStream.customer(BOB.value()), BOB,
						Map.of("customerId", BOB.toString(), "friendId", ADA.toString()),
						new FriendshipRemoved(BOB, ADA)),
				row("ProductCreated", EventStream.product(LAMP), null, lampPayload, new ProductCreated(lamp)),
				row("ProductUpdated", EventStream.product(LAMP), null, lampPayload, new ProductUpdated(lamp)),
				row("ProductDeleted", EventStream.product(LAMP), null, lampPayload, new ProductDeleted(lamp)));
	}

	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("storedRows")
	void aStoredRowReadsAsItsTypedEventAndWritesBackUnchanged(String type, EventStream stream, CustomerId owner,
			Map<String, String> payload, Event typed) {
		DomainEvent stored = new DomainEvent(EVENT, stream, type, AT, owner, payload);

		Event read = EventSerializer.fromStored(stored);

		assertThat(read).isEqualTo(typed);
		assertThat(read.stream()).isEqualTo(stream);
		assertThat(read.owner()).isEqualTo(owner);
		DomainEvent written = EventSerializer.toStored(EVENT, AT, read);
		assertThat(written).isEqualTo(stored);
		assertThat(written.payload()).containsExactlyInAnyOrderEntriesOf(payload);
	}

	@Test
	void everyStoredTypeHasAnExample() {
		assertThat(storedRows().map((row) -> (String) row.get()[0]).distinct())
			.containsExactlyInAnyOrderElementsOf(EventSerializer.types());
		assertThat(EventSerializer.types()).hasSize(14);
	}

	@Test
	void readingByKindSkipsOtherTypesWithoutReadingTheirPayload() {
		DomainEvent garbledDeposit = new DomainEvent(EVENT, EventStream.account(ACCOUNT), "DepositMade", AT, ADA,
				Map.of("amount", "lots"));
		DomainEvent registered = new DomainEvent(EVENT, EventStream.customer(ADA.value()), "CustomerRegistered", AT,
				ADA, Map.of("customerId", ADA.toString(), "username", "ada"));

		assertThat(EventSerializer.fromStored(garbledDeposit, OrderEvent.class)).isEmpty();
		assertThat(EventSerializer.fromStored(registered, OrderEvent.class)).isEmpty();
		assertThat(EventSerializer.fromStored(registered, CustomerEvent.class))
			.contains(new CustomerRegistered(ADA, new Username("ada")));
		assertThat(EventSerializer.fromStored(registered, CustomerRegistered.class)).isPresent();
		assertThat(EventSerializer.fromStored(registered, Event.class)).isPresent();
		assertThatThrownBy(() -> EventSerializer.fromStored(garbledDeposit, AccountEvent.class))
			.isInstanceOf(MalformedEventException.class);
	}

	@Test
	void aMalformedPayloadNamesTheEventAndWhatIsWrong() {
		DomainEvent noUsername = new DomainEvent(EVENT, EventStream.customer(ADA.value()), "CustomerRegistered", AT,
				ADA, Map.of("customerId", ADA.toString()));
		DomainEvent badDirection = new DomainEvent(EVENT, EventStream.account(ACCOUNT), "MoneyTransferred", AT, ADA,
				Map.of("transferId", TRANSFER.toString(), "fromAccountId", ACCOUNT.toString(), "toAccountId",
						OTHER_ACCOUNT.toString(), "amount", "1.00", "currency", "EUR", "direction", "sideways"));
		DomainEvent noOwner = new DomainEvent(EVENT, EventStream.customer(ADA.value()), "SessionStarted", AT, null,
				Map.of("sessionId", SESSION));
		DomainEvent badRefund = new DomainEvent(EVENT, EventStream.order(ORDER), "OrderCancelled", AT, ADA,
				Map.of("orderId", ORDER.toString(), "customerId", ADA.toString(), "status", "CANCELLED", "total",
						"1.00", "currency", "EUR", "productIds", BOOK.toString(), "refunded", "yes"));

		assertThatThrownBy(() -> EventSerializer.fromStored(noUsername)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining(EVENT.toString())
			.hasMessageContaining("CustomerRegistered")
			.hasMessageContaining("username");
		assertThatThrownBy(() -> EventSerializer.fromStored(badDirection)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("direction");
		assertThatThrownBy(() -> EventSerializer.fromStored(noOwner)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("owner");
		assertThatThrownBy(() -> EventSerializer.fromStored(badRefund)).isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("refunded");
	}

	@Test
	void anUnknownTypeIsNoEvent() {
		assertThat(EventSerializer.isKnownType("OrderLost")).isFalse();
		assertThatThrownBy(
				() -> new DomainEvent(EVENT, EventStream.order(ORDER), "OrderLost", AT, ADA, Map.of("orderId", "x")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Arguments row(String type, EventStream stream, CustomerId owner, Map<String, String> payload,
			Event typed) {
		return Arguments.of(type, stream, owner, payload, typed);
	}

	private static Map<String, String> with(Map<String, String> payload, String... more) {
		java.util.Map<String, String> all = new java.util.HashMap<>(payload);
		for (int i = 0; i < more.length; i += 2) {
			all.put(more[i], more[i + 1]);
		}
		return all;
	}

}
