package io.polyglot.adapter.postgres;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.order.Stock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock as orders use it, on the catalog's product rows in PostgreSQL. A reservation
 * locks the product row, then takes the units with a conditional UPDATE
 * ({@code stock >= quantity}) and records the order's hold (primary key product + order)
 * in the same transaction; release and sale delete the hold and move its units in one
 * statement. So every change is idempotent per order, and none can oversell.
 * <p>
 * The transaction is the caller's when there is one (PROPAGATION_REQUIRED): an order
 * placed on the same PostgreSQL reserves its stock in the order's own transaction, so a
 * failed order takes its reservations back with its rollback, with no compensation step.
 */
final class PostgresStock implements Stock {

	private static final String ORDERABLES = """
			SELECT id, document ->> 'name' AS name, (document ->> 'priceCents')::bigint AS price_cents,
			       document ->> 'currency' AS currency
			FROM catalog_products WHERE id = ANY (?)""";

	// the row lock makes the hold check below see any reservation committed before it
	private static final String LOCK = "SELECT stock FROM catalog_products WHERE id = ? FOR UPDATE";

	private static final String HELD = "SELECT count(*) FROM catalog_stock_holds WHERE product_id = ? AND order_id = ?";

	private static final String TAKE = "UPDATE catalog_products SET stock = stock - ? WHERE id = ? AND stock >= ?";

	private static final String HOLD = "INSERT INTO catalog_stock_holds (product_id, order_id, quantity) VALUES (?, ?, ?)";

	// %s is "stock" or "sold", never input: the hold's units go back to stock or are sold
	private static final String MOVE_HOLD = """
			WITH hold AS (DELETE FROM catalog_stock_holds WHERE product_id = ? AND order_id = ? RETURNING quantity)
			UPDATE catalog_products SET %1$s = %1$s + hold.quantity FROM hold WHERE id = ?""";

	private static final String LEVELS = "SELECT id, received, stock, sold FROM catalog_products";

	private static final String HOLDS = "SELECT product_id, order_id, quantity FROM catalog_stock_holds";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	/**
	 * @param jdbc the PostgreSQL holding the catalog
	 * @param transactionManager its transactions; a reservation joins the caller's
	 */
	PostgresStock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Over a plain DataSource's JdbcTemplate, for programs without Spring transactions.
	 */
	PostgresStock(JdbcTemplate jdbc) {
		this(jdbc, new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "dataSource")));
	}

	@Override
	public Map<UUID, Orderable> orderables(Collection<UUID> productIds) {
		UUID[] ids = productIds.stream().distinct().toArray(UUID[]::new);
		Map<UUID, Orderable> found = new LinkedHashMap<>();
		PostgresCalls.call(() -> {
			this.jdbc.query((connection) -> {
				var statement = connection.prepareStatement(ORDERABLES);
				statement.setArray(1, connection.createArrayOf("uuid", ids));
				return statement;
			}, (row) -> {
				UUID id = row.getObject("id", UUID.class);
				found.put(id, new Orderable(id, row.getString("name"),
						CatalogDocuments.money(row.getLong("price_cents"), row.getString("currency"))));
			});
			return null;
		});
		return found;
	}

	@Override
	public boolean reserve(UUID productId, UUID orderId, int quantity) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be positive");
		}
		return PostgresCalls.call(() -> Boolean.TRUE.equals(this.transaction.execute((status) -> {
			if (this.jdbc.queryForList(LOCK, Long.class, productId).isEmpty()) {
				return false;
			}
			Long held = this.jdbc.queryForObject(HELD, Long.class, productId, orderId);
			if (held != null && held > 0) {
				// a retry: this order already holds its units
				return true;
			}
			if (this.jdbc.update(TAKE, quantity, productId, quantity) == 0) {
				return false;
			}
			this.jdbc.update(HOLD, productId, orderId, quantity);
			return true;
		})));
	}

	@Override
	public void release(UUID productId, UUID orderId) {
		PostgresCalls.call(() -> this.jdbc.update(MOVE_HOLD.formatted("stock"), productId, orderId, productId));
	}

	@Override
	public void sell(UUID productId, UUID orderId) {
		PostgresCalls.call(() -> this.jdbc.update(MOVE_HOLD.formatted("sold"), productId, orderId, productId));
	}

	/**
	 * The stock is in the orders' PostgreSQL: a reservation joins the order's own
	 * transaction there.
	 */
	@Override
	public boolean sharesTransactions() {
		return true;
	}

	@Override
	public List<Level> levels() {
		return PostgresCalls.call(() -> this.transaction.execute((status) -> {
			Map<UUID, Map<UUID, Integer>> holds = new HashMap<>();
			this.jdbc.query(HOLDS, (row) -> {
				holds.computeIfAbsent(row.getObject("product_id", UUID.class), (id) -> new LinkedHashMap<>())
					.put(row.getObject("order_id", UUID.class), row.getInt("quantity"));
			});
			List<Level> levels = new ArrayList<>();
			this.jdbc.query(LEVELS, (row) -> {
				UUID id = row.getObject("id", UUID.class);
				levels.add(new Level(id, row.getLong("received"), row.getLong("stock"), row.getLong("sold"),
						holds.getOrDefault(id, Map.of())));
			});
			return levels;
		}));
	}

}
