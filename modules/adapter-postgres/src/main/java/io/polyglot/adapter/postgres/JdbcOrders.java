package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.OrderLine;
import io.polyglot.domain.order.OrderStatus;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Orders of record in PostgreSQL, in plain SQL: inserts with their lines, row locks for
 * status moves, and the customer's order list as a JOIN of customers and orders.
 */
final class JdbcOrders implements Orders {

	private static final String INSERT_ORDER = """
			INSERT INTO orders (id, customer_id, status, total, currency, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_LINE = """
			INSERT INTO order_lines (order_id, line_no, product_id, name, unit_price, quantity)
			VALUES (?, ?, ?, ?, ?, ?)""";

	private static final String SELECT_ORDER = "SELECT id, customer_id, status, total, currency, created_at, updated_at FROM orders WHERE id = ?";

	private static final String LINES = """
			SELECT order_id, product_id, name, unit_price, quantity FROM order_lines
			WHERE order_id = ANY(?::uuid[]) ORDER BY order_id, line_no""";

	private static final String UPDATE = "UPDATE orders SET status = ?, updated_at = ? WHERE id = ?";

	// the JOIN the issue names: the customer row vouches that the orders are theirs,
	// and the index orders_customer_created serves the keyset walk newest first
	private static final String OF_CUSTOMER = """
			SELECT o.id, o.customer_id, o.status, o.total, o.currency, o.created_at, o.updated_at
			FROM customers c JOIN orders o ON o.customer_id = c.id
			WHERE c.id = ? AND (o.created_at, o.id) < (?, ?)
			ORDER BY o.created_at DESC, o.id DESC
			LIMIT ?""";

	private static final String UNITS = """
			SELECT l.product_id,
			       coalesce(sum(l.quantity) FILTER (WHERE o.status IN ('PENDING', 'PAID')), 0) AS held,
			       coalesce(sum(l.quantity) FILTER (WHERE o.status = 'SHIPPED'), 0) AS sold
			FROM order_lines l JOIN orders o ON o.id = l.order_id
			GROUP BY l.product_id""";

	private static final String LIVE_LINES = """
			SELECT l.order_id, l.product_id, l.quantity
			FROM order_lines l JOIN orders o ON o.id = l.order_id
			WHERE o.status IN ('PENDING', 'PAID')""";

	// the order's copy of the name is good enough for a recommendation list; the
	// catalog has the current one
	private static final String POPULAR = """
			SELECT l.product_id, min(l.name) AS name, count(DISTINCT o.customer_id) AS buyers, sum(l.quantity) AS units
			FROM orders o JOIN order_lines l ON l.order_id = o.id
			WHERE o.customer_id = ANY(?::uuid[]) AND o.status IN ('PAID', 'SHIPPED')
			  AND NOT EXISTS (SELECT 1 FROM orders mine JOIN order_lines ml ON ml.order_id = mine.id
			                  WHERE mine.customer_id = ? AND mine.status IN ('PAID', 'SHIPPED')
			                    AND ml.product_id = l.product_id)
			GROUP BY l.product_id
			ORDER BY buyers DESC, units DESC, l.product_id
			LIMIT ?""";

	private static final UUID MAX_UUID = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

	private final JdbcTemplate jdbc;

	JdbcOrders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Order order) {
		requireTransaction();
		PostgresCalls.call(() -> {
			this.jdbc.update(INSERT_ORDER, order.id(), order.customer().value(), order.status().name(),
					order.total().amount(), order.total().currency(), Timestamp.from(order.createdAt()),
					Timestamp.from(order.updatedAt()));
			List<Object[]> lines = new ArrayList<>();
			for (int i = 0; i < order.lines().size(); i++) {
				OrderLine line = order.lines().get(i);
				lines.add(new Object[] { order.id(), i + 1, line.productId(), line.name(), line.unitPrice().amount(),
						line.quantity() });
			}
			return this.jdbc.batchUpdate(INSERT_LINE, lines);
		});
	}

	@Override
	public Optional<Order> lock(UUID id) {
		requireTransaction();
		return PostgresCalls
			.call(() -> withLines(this.jdbc.query(SELECT_ORDER + " FOR UPDATE", JdbcOrders::header, id)))
			.stream()
			.findFirst();
	}

	@Override
	public void update(Order order) {
		requireTransaction();
		PostgresCalls
			.call(() -> this.jdbc.update(UPDATE, order.status().name(), Timestamp.from(order.updatedAt()), order.id()));
	}

	@Override
	public Optional<Order> byId(UUID id) {
		return PostgresCalls.call(() -> withLines(this.jdbc.query(SELECT_ORDER, JdbcOrders::header, id)))
			.stream()
			.findFirst();
	}

	@Override
	public Page<Order> ofCustomer(CustomerId customer, PageRequest page) {
		Instant beforeTime = Instant.parse("9999-12-31T00:00:00Z");
		UUID beforeId = MAX_UUID;
		if (page.cursor() != null) {
			String[] position = page.cursor().decode().split("\\|");
			try {
				if (position.length != 3 || !position[0].equals("orders")) {
					throw Cursor.invalid();
				}
				beforeTime = Instant.parse(position[1]);
				beforeId = UUID.fromString(position[2]);
			}
			catch (RuntimeException ex) {
				throw Cursor.invalid();
			}
		}
		Timestamp time = Timestamp.from(beforeTime);
		UUID id = beforeId;
		List<Order> rows = PostgresCalls.call(() -> withLines(
				this.jdbc.query(OF_CUSTOMER, JdbcOrders::header, customer.value(), time, id, page.limit() + 1)));
		boolean more = rows.size() > page.limit();
		List<Order> items = more ? rows.subList(0, page.limit()) : rows;
		Order last = items.isEmpty() ? null : items.get(items.size() - 1);
		return new Page<>(items, more ? Cursor.encode("orders|" + last.createdAt() + "|" + last.id()) : null);
	}

	@Override
	public List<ProductUnits> unitsPerProduct() {
		return PostgresCalls
			.call(() -> this.jdbc.query(UNITS, (row, n) -> new ProductUnits(row.getObject("product_id", UUID.class),
					row.getLong("held"), row.getLong("sold"))));
	}

	@Override
	public List<LiveLine> liveLines() {
		return PostgresCalls
			.call(() -> this.jdbc.query(LIVE_LINES, (row, n) -> new LiveLine(row.getObject("order_id", UUID.class),
					row.getObject("product_id", UUID.class), row.getInt("quantity"))));
	}

	@Override
	public List<Popular> popularAmong(Collection<CustomerId> buyers, CustomerId excluded, int limit) {
		if (buyers.isEmpty()) {
			return List.of();
		}
		UUID[] ids = buyers.stream().map(CustomerId::value).toArray(UUID[]::new);
		return PostgresCalls
			.call(() -> this.jdbc.query(POPULAR, (row, n) -> new Popular(row.getObject("product_id", UUID.class),
					row.getString("name"), row.getLong("buyers"), row.getLong("units")), ids, excluded.value(), limit));
	}

	private List<Order> withLines(List<Header> headers) {
		if (headers.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
		UUID[] ids = headers.stream().map(Header::id).toArray(UUID[]::new);
		Map<UUID, String> currencies = new LinkedHashMap<>();
		headers.forEach((header) -> currencies.put(header.id(), header.total().currency()));
		this.jdbc.query(LINES, (ResultSet row) -> {
			UUID orderId = row.getObject("order_id", UUID.class);
			lines.computeIfAbsent(orderId, (key) -> new ArrayList<>())
				.add(new OrderLine(row.getObject("product_id", UUID.class), row.getString("name"),
						new Money(row.getBigDecimal("unit_price"), currencies.get(orderId)), row.getInt("quantity")));
		}, (Object) ids);
		return headers.stream()
			.map((header) -> new Order(header.id(), header.customer(), header.status(),
					lines.getOrDefault(header.id(), List.of()), header.total(), header.createdAt(), header.updatedAt()))
			.toList();
	}

	private static Header header(ResultSet row, int rowNum) throws SQLException {
		return new Header(row.getObject("id", UUID.class), new CustomerId(row.getObject("customer_id", UUID.class)),
				OrderStatus.valueOf(row.getString("status")),
				new Money(row.getBigDecimal("total"), row.getString("currency")),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("order writes must run inside Transactions.inTransaction");
		}
	}

	private record Header(UUID id, CustomerId customer, OrderStatus status, Money total, Instant createdAt,
			Instant updatedAt) {
	}

}
