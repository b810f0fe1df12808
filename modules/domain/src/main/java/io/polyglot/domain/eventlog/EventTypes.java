package io.polyglot.domain.eventlog;

import java.util.Set;

/** The names of the domain events this service records (the API contract's list). */
public final class EventTypes {

	public static final String CUSTOMER_REGISTERED = "CustomerRegistered";

	public static final String SESSION_STARTED = "SessionStarted";

	public static final String SESSION_ENDED = "SessionEnded";

	public static final String DEPOSIT_MADE = "DepositMade";

	public static final String MONEY_TRANSFERRED = "MoneyTransferred";

	public static final String ORDER_PLACED = "OrderPlaced";

	public static final String ORDER_PAID = "OrderPaid";

	public static final String ORDER_CANCELLED = "OrderCancelled";

	public static final String ORDER_SHIPPED = "OrderShipped";

	public static final String FRIENDSHIP_ADDED = "FriendshipAdded";

	public static final String FRIENDSHIP_REMOVED = "FriendshipRemoved";

	public static final String PRODUCT_CREATED = "ProductCreated";

	public static final String PRODUCT_UPDATED = "ProductUpdated";

	public static final String PRODUCT_DELETED = "ProductDeleted";

	/** Every known type. */
	public static final Set<String> ALL = Set.of(CUSTOMER_REGISTERED, SESSION_STARTED, SESSION_ENDED, DEPOSIT_MADE,
			MONEY_TRANSFERRED, ORDER_PLACED, ORDER_PAID, ORDER_CANCELLED, ORDER_SHIPPED, FRIENDSHIP_ADDED,
			FRIENDSHIP_REMOVED, PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_DELETED);

	private EventTypes() {
	}

}
