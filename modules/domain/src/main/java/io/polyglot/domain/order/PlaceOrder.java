package io.polyglot.domain.order;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * Places an order: reserves stock per line in the catalog first (each an atomic
 * conditional update held for this order), then writes the order in one PostgreSQL
 * transaction; any failure releases what was reserved.
 */
public final class PlaceOrder {

	/** Most lines one order may have. */
	public static final int MAX_LINES = 100;

	/** Most units one line may order. */
	public static final int MAX_QUANTITY = 1_000;

	private final Orders orders;

	private final Stock stock;

	/** JDK logging: the domain stays free of logging libraries. */
	private static final System.Logger LOGGER = System.getLogger(PlaceOrder.class.getName());

	private final Transactions transactions;

	private final Outbox outbox;

	private final Clock clock;

	private final String currency;

	public PlaceOrder(Orders orders, Stock stock, Transactions transactions, Outbox outbox, Clock clock,
			String currency) {
		this.orders = Objects.requireNonNull(orders, "orders");
		this.stock = Objects.requireNonNull(stock, "stock");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.currency = Objects.requireNonNull(currency, "currency");
	}

	/**
	 * Places an order for the customer.
	 * @throws BusinessRuleException (422) for an unknown product or one short of stock;
	 * nothing stays reserved
	 */
	public Order place(CustomerId customer, Command command) {
		Map<UUID, Integer> wanted = command.quantities();
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
		boolean[] compensationRegistered = { false };
		try {
			for (OrderLine line : lines) {
				if (!this.stock.reserve(line.productId(), order.id(), line.quantity())) {
					throw new BusinessRuleException("Not enough stock for product " + line.productId() + " ("
							+ line.name() + "): " + line.quantity() + " requested.");
				}
				reserved.add(line.productId());
			}
			this.transactions.run(() -> {
				// this transaction may be an outer one (the idempotency key's) that
				// commits
				// after we return: only a rollback hook sees a failure of that commit
				this.transactions.afterRollback(() -> release(reserved, order.id(), null));
				compensationRegistered[0] = true;
				this.orders.insert(order);
				this.outbox.add(OrderEvents.placed(order), order.updatedAt());
			});
			return order;
		}
		catch (RuntimeException ex) {
			if (!compensationRegistered[0]) {
				release(reserved, order.id(), ex);
			}
			throw ex;
		}
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
			this.outbox.add(OrderEvents.placed(order), order.updatedAt());
			return order;
		});
	}

	private void release(List<UUID> reserved, UUID orderId, @Nullable RuntimeException cause) {
		for (UUID productId : reserved) {
			try {
				this.stock.release(productId, orderId);
			}
			catch (RuntimeException ex) {
				// the hold stays on the product for an order that does not exist;
				// reconciliation reports it as an orphan hold
				if (cause != null) {
					cause.addSuppressed(ex);
				}
				else {
					LOGGER.log(System.Logger.Level.WARNING, "Stock hold of order {0} on product {1} not released: {2}",
							orderId, productId, ex.getMessage());
				}
			}
		}
	}

	/** What an order asks for: distinct products, each with a quantity. */
	public record Command(List<Line> lines) {

		public Command {
			lines = List.copyOf(lines);
			if (lines.isEmpty()) {
				throw new ValidationException("lines", "must hold at least one line");
			}
			if (lines.size() > MAX_LINES) {
				throw new ValidationException("lines", "must hold at most " + MAX_LINES + " lines");
			}
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < lines.size(); i++) {
				if (!seen.add(lines.get(i).productId())) {
					throw new ValidationException("lines[" + i + "].productId",
							"appears in an earlier line; order it once");
				}
			}
		}

		/** The quantity per product, in the order of the lines. */
		Map<UUID, Integer> quantities() {
			Map<UUID, Integer> wanted = new LinkedHashMap<>();
			for (Line line : this.lines) {
				wanted.put(line.productId(), line.quantity());
			}
			return wanted;
		}

		/**
		 * The command from the lines as the client sent them.
		 * @throws ValidationException for malformed, missing, duplicate or too many
		 * lines, naming every bad field
		 */
		public static Command parse(@Nullable List<LineRequest> requested) {
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
			List<Line> lines = new ArrayList<>();
			wanted.forEach((productId, quantity) -> lines.add(new Line(productId, quantity)));
			return new Command(lines);
		}

	}

	/** One line of an order: a product and how many units of it. */
	public record Line(UUID productId, int quantity) {

		public Line {
			Objects.requireNonNull(productId, "productId");
			if (quantity < 1 || quantity > MAX_QUANTITY) {
				throw new ValidationException("quantity", "must be between 1 and " + MAX_QUANTITY);
			}
		}

	}

}
