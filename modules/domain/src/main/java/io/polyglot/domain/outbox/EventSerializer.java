package io.polyglot.domain.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.account.AccountEvent;
import io.polyglot.domain.account.AccountEvent.DepositMade;
import io.polyglot.domain.account.AccountEvent.Direction;
import io.polyglot.domain.account.AccountEvent.MoneyTransferred;
import io.polyglot.domain.account.AccountId;
import io.polyglot.domain.account.CustomerEvent;
import io.polyglot.domain.account.CustomerEvent.CustomerRegistered;
import io.polyglot.domain.account.Username;
import io.polyglot.domain.catalog.CatalogEvent;
import io.polyglot.domain.catalog.CatalogEvent.ProductCreated;
import io.polyglot.domain.catalog.CatalogEvent.ProductDeleted;
import io.polyglot.domain.catalog.CatalogEvent.ProductSnapshot;
import io.polyglot.domain.catalog.CatalogEvent.ProductUpdated;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.order.OrderEvent;
import io.polyglot.domain.order.OrderEvent.OrderCancelled;
import io.polyglot.domain.order.OrderEvent.OrderPaid;
import io.polyglot.domain.order.OrderEvent.OrderPlaced;
import io.polyglot.domain.order.OrderEvent.OrderShipped;
import io.polyglot.domain.session.SessionEvent;
import io.polyglot.domain.session.SessionEvent.AllSessionsEnded;
import io.polyglot.domain.session.SessionEvent.SessionEnded;
import io.polyglot.domain.session.SessionEvent.SessionStarted;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.social.SocialEvent;
import io.polyglot.domain.social.SocialEvent.FriendshipAdded;
import io.polyglot.domain.social.SocialEvent.FriendshipRemoved;

/**
 * The one place that knows how events are stored: turns a typed {@link Event} into its
 * stored form ({@link DomainEvent}: a type name and a flat text payload) and back. The
 * type names and payload keys are the API contract's (the {@code /events} and
 * {@code /me/activity} JSON shows them as stored), so they never change; amounts are
 * written with two decimals ("12.50"), ids as UUID text, lists of ids comma-separated.
 */
public final class EventSerializer {

	private static final String CUSTOMER_REGISTERED = "CustomerRegistered";

	private static final String SESSION_STARTED = "SessionStarted";

	private static final String SESSION_ENDED = "SessionEnded";

	private static final String DEPOSIT_MADE = "DepositMade";

	private static final String MONEY_TRANSFERRED = "MoneyTransferred";

	private static final String ORDER_PLACED = "OrderPlaced";

	private static final String ORDER_PAID = "OrderPaid";

	private static final String ORDER_CANCELLED = "OrderCancelled";

	private static final String ORDER_SHIPPED = "OrderShipped";

	private static final String FRIENDSHIP_ADDED = "FriendshipAdded";

	private static final String FRIENDSHIP_REMOVED = "FriendshipRemoved";

	private static final String PRODUCT_CREATED = "ProductCreated";

	private static final String PRODUCT_UPDATED = "ProductUpdated";

	private static final String PRODUCT_DELETED = "ProductDeleted";

	/** Each stored type and the context interface its events implement. */
	private static final Map<String, Class<? extends Event>> CONTEXTS = Map.ofEntries(
			Map.entry(CUSTOMER_REGISTERED, CustomerEvent.class), Map.entry(SESSION_STARTED, SessionEvent.class),
			Map.entry(SESSION_ENDED, SessionEvent.class), Map.entry(DEPOSIT_MADE, AccountEvent.class),
			Map.entry(MONEY_TRANSFERRED, AccountEvent.class), Map.entry(ORDER_PLACED, OrderEvent.class),
			Map.entry(ORDER_PAID, OrderEvent.class), Map.entry(ORDER_CANCELLED, OrderEvent.class),
			Map.entry(ORDER_SHIPPED, OrderEvent.class), Map.entry(FRIENDSHIP_ADDED, SocialEvent.class),
			Map.entry(FRIENDSHIP_REMOVED, SocialEvent.class), Map.entry(PRODUCT_CREATED, CatalogEvent.class),
			Map.entry(PRODUCT_UPDATED, CatalogEvent.class), Map.entry(PRODUCT_DELETED, CatalogEvent.class));

	private EventSerializer() {
	}

	/** Every stored type name (the API contract's list). */
	public static Set<String> types() {
		return CONTEXTS.keySet();
	}

	/** Whether events of this stored type exist. */
	public static boolean isKnownType(@Nullable String type) {
		return type != null && CONTEXTS.containsKey(type);
	}

	/** The stored form of an event, on the event's stream and owned by its owner. */
	public static DomainEvent toStored(UUID id, Instant occurredAt, Event event) {
		Payload payload = new Payload();
		String type = write(event, payload);
		return new DomainEvent(id, event.stream(), type, occurredAt, event.owner(), payload.fields);
	}

	/**
	 * The typed event a stored one records.
	 * @throws MalformedEventException when the type is unknown or the payload lacks or
	 * garbles a field the type needs
	 */
	public static Event fromStored(DomainEvent stored) {
		Stored in = new Stored(stored);
		try {
			return read(in);
		}
		catch (RuntimeException ex) {
			if (ex instanceof MalformedEventException malformed) {
				throw malformed;
			}
			throw in.malformed(String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The typed event a stored one records, when it is of the given kind (a context's
	 * interface such as {@code OrderEvent}, or one record); empty for any other type,
	 * whose payload is not read at all, so a consumer never fails on events it skips.
	 * @throws MalformedEventException when the event is of the kind and its payload is
	 * not what the type needs
	 */
	public static <E extends Event> Optional<E> fromStored(DomainEvent stored, Class<E> kind) {
		Class<? extends Event> context = CONTEXTS.get(stored.type());
		if (context == null || !(kind.isAssignableFrom(context) || context.isAssignableFrom(kind))) {
			return Optional.empty();
		}
		Event event = fromStored(stored);
		return kind.isInstance(event) ? Optional.of(kind.cast(event)) : Optional.empty();
	}

	private static String write(Event event, Payload out) {
		if (event instanceof CustomerRegistered registered) {
			out.put("customerId", registered.customerId()).put("username", registered.username().value());
			return CUSTOMER_REGISTERED;
		}
		if (event instanceof SessionEvent session) {
			return writeSession(session, out);
		}
		if (event instanceof AccountEvent account) {
			return writeAccount(account, out);
		}
		if (event instanceof OrderEvent order) {
			return writeOrder(order, out);
		}
		if (event instanceof CatalogEvent product) {
			return writeProduct(product, out);
		}
		if (event instanceof SocialEvent social) {
			out.put("customerId", social.customerId()).put("friendId", social.friendId());
			return (social instanceof FriendshipAdded) ? FRIENDSHIP_ADDED : FRIENDSHIP_REMOVED;
		}
		throw new IllegalArgumentException("no stored form for " + event.getClass().getName());
	}

	private static String writeSession(SessionEvent event, Payload out) {
		if (event instanceof SessionStarted started) {
			out.put("sessionId", started.sessionId());
			return SESSION_STARTED;
		}
		if (event instanceof SessionEnded ended) {
			out.put("sessionId", ended.sessionId()).put("scope", "current");
			return SESSION_ENDED;
		}
		AllSessionsEnded all = (AllSessionsEnded) event;
		out.put("scope", "all").put("count", Integer.toString(all.count()));
		return SESSION_ENDED;
	}

	private static String writeAccount(AccountEvent event, Payload out) {
		if (event instanceof DepositMade deposit) {
			out.put("accountId", deposit.accountId())
				.put("amount", deposit.amount().toPlainString())
				.put("currency", deposit.amount().currency())
				.put("balance", deposit.balance().toPlainString())
				.put("entryId", deposit.entryId());
			return DEPOSIT_MADE;
		}
		MoneyTransferred transfer = (MoneyTransferred) event;
		out.put("transferId", transfer.transferId())
			.put("fromAccountId", transfer.fromAccountId())
			.put("toAccountId", transfer.toAccountId())
			.put("amount", transfer.amount().toPlainString())
			.put("currency", transfer.amount().currency())
			.put("direction", (transfer.direction() == Direction.OUT) ? "out" : "in");
		return MONEY_TRANSFERRED;
	}

	private static String writeOrder(OrderEvent event, Payload out) {
		out.put("orderId", event.orderId())
			.put("customerId", event.customerId())
			.put("status", event.status().name())
			.put("total", event.total().toPlainString())
			.put("currency", event.total().currency())
			.put("productIds", event.productIds().stream().map(UUID::toString).collect(Collectors.joining(",")));
		if (event instanceof OrderPlaced placed) {
			out.put("lines", Integer.toString(placed.lines()));
			return ORDER_PLACED;
		}
		if (event instanceof OrderPaid paid) {
			out.put("ledgerEntryId", paid.ledgerEntryId());
			return ORDER_PAID;
		}
		if (event instanceof OrderCancelled cancelled) {
			out.put("refunded", Boolean.toString(cancelled.refunded()));
			return ORDER_CANCELLED;
		}
		return ORDER_SHIPPED;
	}

	private static String writeProduct(CatalogEvent event, Payload out) {
		ProductSnapshot product = event.product();
		out.put("productId", product.id().toString())
			.put("sku", product.sku())
			.put("name", product.name())
			.put("category", product.category().value())
			.put("price", product.price().toPlainString())
			.put("currency", product.price().currency())
			.put("stock", Integer.toString(product.stock()))
			.put("version", Long.toString(product.version()));
		if (event instanceof ProductCreated) {
			return PRODUCT_CREATED;
		}
		return (event instanceof ProductUpdated) ? PRODUCT_UPDATED : PRODUCT_DELETED;
	}

	private static Event read(Stored in) {
		switch (in.type()) {
			case CUSTOMER_REGISTERED:
				return new CustomerRegistered(in.customerId("customerId"), new Username(in.text("username")));
			case SESSION_STARTED:
				return new SessionStarted(in.owner(), in.text("sessionId"));
			case SESSION_ENDED:
				return readSessionEnded(in);
			case DEPOSIT_MADE:
				return new DepositMade(new AccountId(in.uuid("accountId")), in.owner(), in.money("amount"),
						in.money("balance"), in.uuid("entryId"));
			case MONEY_TRANSFERRED:
				return new MoneyTransferred(in.uuid("transferId"), new AccountId(in.uuid("fromAccountId")),
						new AccountId(in.uuid("toAccountId")), in.money("amount"), readDirection(in), in.owner());
			case ORDER_PLACED:
				return new OrderPlaced(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
						in.uuids("productIds"), in.integer("lines"));
			case ORDER_PAID:
				return new OrderPaid(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
						in.uuids("productIds"), in.uuid("ledgerEntryId"));
			case ORDER_CANCELLED:
				return new OrderCancelled(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
						in.uuids("productIds"), in.bool("refunded"));
			case ORDER_SHIPPED:
				return new OrderShipped(in.uuid("orderId"), in.customerId("customerId"), in.money("total"),
						in.uuids("productIds"));
			case FRIENDSHIP_ADDED:
				return new FriendshipAdded(in.customerId("customerId"), in.customerId("friendId"));
			case FRIENDSHIP_REMOVED:
				return new FriendshipRemoved(in.customerId("customerId"), in.customerId("friendId"));
			case PRODUCT_CREATED:
				return new ProductCreated(readProduct(in));
			case PRODUCT_UPDATED:
				return new ProductUpdated(readProduct(in));
			case PRODUCT_DELETED:
				return new ProductDeleted(readProduct(in));
			default:
				throw in.malformed("unknown type");
		}
	}

	private static SessionEvent readSessionEnded(Stored in) {
		String scope = in.text("scope");
		if ("current".equals(scope)) {
			return new SessionEnded(in.owner(), in.text("sessionId"));
		}
		if ("all".equals(scope)) {
			return new AllSessionsEnded(in.owner(), in.integer("count"));
		}
		throw in.malformed("scope must be current or all");
	}

	private static Direction readDirection(Stored in) {
		String direction = in.text("direction");
		if ("out".equals(direction)) {
			return Direction.OUT;
		}
		if ("in".equals(direction)) {
			return Direction.IN;
		}
		throw in.malformed("direction must be out or in");
	}

	private static ProductSnapshot readProduct(Stored in) {
		return new ProductSnapshot(new ProductId(in.uuid("productId")), in.text("sku"), in.text("name"),
				new CategoryCode(in.text("category")), in.money("price"), in.integer("stock"),
				in.longInteger("version"));
	}

	/** A payload being written, in the order its fields are put. */
	private static final class Payload {

		private final Map<String, String> fields = new LinkedHashMap<>();

		Payload put(String key, Object value) {
			this.fields.put(key, value.toString());
			return this;
		}

	}

	/** A stored event being read: each accessor names the field it failed on. */
	private record Stored(DomainEvent event) {

		String type() {
			return this.event.type();
		}

		String text(String key) {
			String value = this.event.payload().get(key);
			if (value == null) {
				throw malformed("no " + key);
			}
			return value;
		}

		UUID uuid(String key) {
			return Ids.parseUuid(key, text(key));
		}

		CustomerId customerId(String key) {
			return CustomerId.parse(key, text(key));
		}

		List<UUID> uuids(String key) {
			String ids = text(key);
			return ids.isEmpty() ? List.of()
					: Arrays.stream(ids.split(",")).map((id) -> Ids.parseUuid(key, id)).toList();
		}

		/**
		 * An amount in the event's currency (amounts of one event share one currency).
		 */
		Money money(String key) {
			return Money.parse(text(key), text("currency"));
		}

		int integer(String key) {
			return Integer.parseInt(text(key));
		}

		long longInteger(String key) {
			return Long.parseLong(text(key));
		}

		boolean bool(String key) {
			String value = text(key);
			if (!"true".equals(value) && !"false".equals(value)) {
				throw malformed(key + " must be true or false");
			}
			return Boolean.parseBoolean(value);
		}

		/**
		 * The stream's owner, which the payloads of account and session events leave out.
		 */
		CustomerId owner() {
			CustomerId owner = this.event.owner();
			if (owner == null) {
				throw malformed("no owner");
			}
			return owner;
		}

		MalformedEventException malformed(String reason) {
			return new MalformedEventException(
					"Event " + this.event.id() + " (" + this.event.type() + ") cannot be read: " + reason);
		}

	}

	/** A stored event whose payload does not hold what its type needs. */
	public static final class MalformedEventException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		MalformedEventException(String message) {
			super(message);
		}

	}

}
