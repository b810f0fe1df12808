package io.polyglot.domain.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.eventlog.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * The order use cases. Placing reserves stock per line in the catalog first (each an
 * atomic conditional update held for this order), then writes the order in one PostgreSQL
 * transaction; any failure releases what was reserved. Paying, cancelling and shipping
 * change the order and the wallet in one PostgreSQL transaction; what that means for the
 * catalog (release, sale) is an outbox event, applied at once when the catalog answers
 * and by the relay otherwise.
 */
public final class Ordering {

	/** Most lines one order may have. */
	public static final int MAX_LINES = 100;

	/** Most units one line may order. */
	public static final int MAX_QUANTITY = 1_000;

	// java.lang.System.Logger: the domain depends on no logging library
	private static final System.Logger LOG = System.getLogger(Ordering.class.getName());

	private final Orders orders;

	private final Stock stock;

	private final StockProjection stockProjection;

	private final Accounts accounts;

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	private final String currency;

	public Ordering(Orders orders, Stock stock, Accounts accounts, Transactions transactions, Outbox outbox,
			Clock clock, String currency) {
		this.orders = Objects.requireNonNull(orders, "orders");
		this.stock = Objects.requireNonNull(stock, "stock");
		this.stockProjection = new StockProjection(stock);
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.currency = Objects.requireNonNull(currency, "currency");
	}

	/**
	 * Places an order for the customer.
	 * @throws ValidationException for malformed, missing, duplicate or too many lines
	 * @throws BusinessRuleException (422) for an unknown product or one short of stock;
	 * nothing stays reserved
	 */
	public Order place(CustomerId customer, @Nullable List<LineRequest> requested) {
		Map<UUID, Integer> wanted = validate(requested);
		Map<UUID, Stock.Orderable> products = this.stock.orderables(wanted.keySet());
		List<OrderLine> lines = new ArrayList<>();
		for (Map.Entry<UUID, Integer> line : wanted.entrySet()) {
			Stock.Orderable product = products.get(line.getKey());
			if (product == null) {
				throw new BusinessRuleException("Product " + line.getKey() + " does not exist.");
			}
			if (!product.price().currency().equals(this.currency)) {
				throw new BusinessRuleException("Product " + product.id() + " is not priced in " + this.currency + ".");
			}
			lines.add(new OrderLine(product.id(), product.name(), product.price(), line.getValue()));
		}
		Order order = Order.place(UUID.randomUUID(), customer, lines, this.clock.now());
		if (this.stock.sharesTransactions()) {
			return placeInOneTransaction(order, lines);
		}
		List<UUID> reserved = new ArrayList<>();
		try {
			for (OrderLine line : lines) {
				if (!this.stock.reserve(line.productId(), order.id(), line.quantity())) {
					throw new BusinessRuleException("Not enough stock for product " + line.productId() + " ("
							+ line.name() + "): " + line.quantity() + " requested.");
				}
				reserved.add(line.productId());
			}
			this.transactions.run(() -> {
				this.orders.insert(order);
				this.outbox.add(OrderEvents.of(EventTypes.ORDER_PLACED, order,
						Map.of("lines", Integer.toString(lines.size()))));
			});
			return order;
		}
		catch (RuntimeException ex) {
			release(reserved, order.id(), ex);
			throw ex;
		}
	}

	/**
	 * Pays a PENDING order from the owner's wallet, in one transaction.
	 * @throws NotFoundException when there is no such order of the caller's
	 * @throws io.polyglot.domain.shared.ConflictException when it is not PENDING
	 * @throws BusinessRuleException for insufficient funds; nothing changes
	 */
	public Order pay(CustomerId caller, UUID orderId) {
		return this.transactions.inTransaction(() -> {
			Order order = lockOwned(orderId, caller, false);
			Instant now = this.clock.now();
			Order paid = order.moveTo(OrderStatus.PAID, now);
			Account account = walletOf(order.customer());
			Posting payment = account.debit(order.total(), EntryKind.ORDER_PAYMENT, order.id(), now);
			this.accounts.post(payment);
			this.orders.update(paid);
			this.outbox.add(OrderEvents.of(EventTypes.ORDER_PAID, paid,
					Map.of("ledgerEntryId", payment.entry().id().toString())));
			return paid;
		});
	}

	/**
	 * Cancels a PENDING or PAID order (owner or administrator): refunds a paid order in
	 * the same transaction and gives its stock back.
	 */
	public Order cancel(CustomerId caller, boolean admin, UUID orderId) {
		Order cancelled = this.transactions.inTransaction(() -> {
			Order order = lockOwned(orderId, caller, admin);
			Instant now = this.clock.now();
			Order next = order.moveTo(OrderStatus.CANCELLED, now);
			boolean refund = order.status() == OrderStatus.PAID;
			if (refund) {
				this.accounts
					.post(walletOf(order.customer()).credit(order.total(), EntryKind.ORDER_REFUND, order.id(), now));
			}
			this.orders.update(next);
			this.outbox
				.add(OrderEvents.of(EventTypes.ORDER_CANCELLED, next, Map.of("refunded", Boolean.toString(refund))));
			return next;
		});
		applyToStock(cancelled);
		return cancelled;
	}

	/** Ships a PAID order (administrators only, checked by the caller). */
	public Order ship(UUID orderId) {
		Order shipped = this.transactions.inTransaction(() -> {
			Order order = this.orders.lock(orderId).orElseThrow(() -> noOrder(orderId));
			Order next = order.moveTo(OrderStatus.SHIPPED, this.clock.now());
			this.orders.update(next);
			this.outbox.add(OrderEvents.of(EventTypes.ORDER_SHIPPED, next, Map.of()));
			return next;
		});
		applyToStock(shipped);
		return shipped;
	}

	/** An order of the caller's, or any order for an administrator. */
	public Order get(CustomerId caller, boolean admin, UUID orderId) {
		Order order = this.orders.byId(orderId).orElseThrow(() -> noOrder(orderId));
		if (!admin && !order.customer().equals(caller)) {
			throw noOrder(orderId);
		}
		return order;
	}

	/** The caller's orders, newest first. */
	public Page<Order> list(CustomerId caller, PageRequest page) {
		return this.orders.ofCustomer(caller, page);
	}

	/** Parses an order id from a path, naming the field when malformed. */
	public static UUID orderId(String text) {
		return Ids.parseUuid("orderId", text);
	}

	/**
	 * Applies a cancellation or shipment to the catalog at once. Idempotent per order, so
	 * the relay applying the same event again later changes nothing; when the catalog is
	 * down the relay is what applies it.
	 */
	private void applyToStock(Order order) {
		try {
			this.stockProjection.apply(order.id(), order.status(),
					order.lines().stream().map(OrderLine::productId).toList());
		}
		catch (RuntimeException ex) {
			LOG.log(System.Logger.Level.WARNING,
					"Catalog not updated for order {0} now; the outbox relay will retry: {1}", order.id(),
					ex.getMessage());
		}
	}

	private Order lockOwned(UUID orderId, CustomerId caller, boolean admin) {
		Order order = this.orders.lock(orderId).orElseThrow(() -> noOrder(orderId));
		// another customer's order is "not found": its existence is not theirs to learn
		if (!admin && !order.customer().equals(caller)) {
			throw noOrder(orderId);
		}
		return order;
	}

	private Account walletOf(CustomerId customer) {
		Account account = this.accounts.lockOfCustomers(List.of(customer)).get(customer);
		if (account == null) {
			throw new NotFoundException("Customer " + customer + " has no wallet account.");
		}
		return account;
	}

	/**
	 * Stock in the orders' own database: reservations, order and event commit or roll
	 * back together, so a short line or a failed insert leaves nothing reserved without
	 * any release. Lines are reserved in product id order, so two orders for the same
	 * products lock them in the same order and never deadlock.
	 */
	private Order placeInOneTransaction(Order order, List<OrderLine> lines) {
		List<OrderLine> byProduct = new ArrayList<>(lines);
		byProduct.sort(java.util.Comparator.comparing(OrderLine::productId));
		return this.transactions.inTransaction(() -> {
			for (OrderLine line : byProduct) {
				if (!this.stock.reserve(line.productId(), order.id(), line.quantity())) {
					throw new BusinessRuleException("Not enough stock for product " + line.productId() + " ("
							+ line.name() + "): " + line.quantity() + " requested.");
				}
			}
			this.orders.insert(order);
			this.outbox
				.add(OrderEvents.of(EventTypes.ORDER_PLACED, order, Map.of("lines", Integer.toString(lines.size()))));
			return order;
		});
	}

	private void release(List<UUID> reserved, UUID orderId, RuntimeException cause) {
		for (UUID productId : reserved) {
			try {
				this.stock.release(productId, orderId);
			}
			catch (RuntimeException ex) {
				// the hold stays on the product for an order that does not exist;
				// reconciliation reports it as an orphan hold
				cause.addSuppressed(ex);
			}
		}
	}

	private static Map<UUID, Integer> validate(@Nullable List<LineRequest> requested) {
		if (requested == null || requested.isEmpty()) {
			throw new ValidationException("lines", "must hold at least one line");
		}
		if (requested.size() > MAX_LINES) {
			throw new ValidationException("lines", "must hold at most " + MAX_LINES + " lines");
		}
		List<FieldError> errors = new ArrayList<>();
		Map<UUID, Integer> wanted = new LinkedHashMap<>();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			LineRequest line = requested.get(i);
			String field = "lines[" + i + "]";
			if (line == null) {
				errors.add(new FieldError(field, "is required"));
				continue;
			}
			UUID productId = null;
			if (line.productId() == null) {
				errors.add(new FieldError(field + ".productId", "is required"));
			}
			else {
				try {
					productId = Ids.parseUuid(field + ".productId", line.productId());
				}
				catch (ValidationException ex) {
					errors.addAll(ex.errors());
				}
			}
			Integer quantity = line.quantity();
			if (quantity == null) {
				errors.add(new FieldError(field + ".quantity", "is required"));
			}
			else if (quantity < 1 || quantity > MAX_QUANTITY) {
				errors.add(new FieldError(field + ".quantity", "must be between 1 and " + MAX_QUANTITY));
			}
			if (productId != null && !seen.add(productId)) {
				errors.add(new FieldError(field + ".productId", "appears in an earlier line; order it once"));
			}
			if (productId != null && quantity != null) {
				wanted.put(productId, quantity);
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return wanted;
	}

	private static NotFoundException noOrder(UUID orderId) {
		return new NotFoundException("No order " + orderId + ".");
	}

}
