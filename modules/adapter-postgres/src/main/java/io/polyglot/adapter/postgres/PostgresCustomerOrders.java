package io.polyglot.adapter.postgres;

import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.Played;
import io.polyglot.domain.demo.TextTable;

/**
 * Demo 2 in PostgreSQL: the demo shop normalized into customers, orders, order lines and
 * products, read back with JOINs; a product's name lives in one row.
 */
final class PostgresCustomerOrders implements CustomerOrdersPlayground {

	private static final String STORE = PostgresCalls.STORE;

	static final String JOIN = """
			SELECT c.name, o.id AS order_id, o.status, l.sku, p.name AS product, l.quantity, p.price
			FROM demo.shop_customers c
			JOIN demo.shop_orders o ON o.customer_id = c.id
			JOIN demo.shop_order_lines l ON l.order_id = o.id
			JOIN demo.shop_products p ON p.sku = l.sku
			WHERE c.email = ?
			ORDER BY o.id, l.sku""";

	static final String RENAME = "UPDATE demo.shop_products SET name = ? WHERE sku = ?";

	static final String LINES_OF = "SELECT count(*) FROM demo.shop_order_lines WHERE sku = ?";

	private final PostgresDemoTables tables;

	PostgresCustomerOrders(PostgresDemoTables tables) {
		this.tables = tables;
	}

	@Override
	public String store() {
		return STORE;
	}

	private void ensureSeeded() {
		this.tables.ensure("demo.shop_order_lines", () -> {
			var jdbc = this.tables.jdbc;
			jdbc.execute("CREATE TABLE demo.shop_customers (id int PRIMARY KEY, name text NOT NULL, "
					+ "email text NOT NULL UNIQUE)");
			jdbc.execute("CREATE TABLE demo.shop_products (sku text PRIMARY KEY, name text NOT NULL, "
					+ "price numeric(10,2) NOT NULL)");
			jdbc.execute("CREATE TABLE demo.shop_orders (id int PRIMARY KEY, "
					+ "customer_id int NOT NULL REFERENCES demo.shop_customers(id), status text NOT NULL)");
			jdbc.execute("CREATE INDEX ON demo.shop_orders (customer_id)");
			jdbc.execute("CREATE TABLE demo.shop_order_lines (order_id int NOT NULL REFERENCES demo.shop_orders(id), "
					+ "sku text NOT NULL REFERENCES demo.shop_products(sku), quantity int NOT NULL, "
					+ "PRIMARY KEY (order_id, sku))");
			jdbc.execute("CREATE INDEX ON demo.shop_order_lines (sku)");
			// the same formulas as DemoShop, so MongoDB holds exactly these rows
			jdbc.update("INSERT INTO demo.shop_products SELECT 'P-' || lpad(g::text, 3, '0'), 'Product ' || g, "
					+ "(g * 150 + 99) / 100.0 FROM generate_series(1, ?) g", DemoShop.PRODUCTS);
			jdbc.update("INSERT INTO demo.shop_customers SELECT g, 'Customer ' || g, 'customer' || g || "
					+ "'@example.com' FROM generate_series(1, ?) g", DemoShop.CUSTOMERS);
			jdbc.update("UPDATE demo.shop_customers SET name = ?, email = ? WHERE id = ?", DemoShop.ANA_NAME,
					DemoShop.ANA_EMAIL, DemoShop.ANA_ID);
			jdbc.update(
					"INSERT INTO demo.shop_orders SELECT g, ((g - 1) % ?) + 1, CASE WHEN g % 3 = 0 THEN "
							+ "'SHIPPED' ELSE 'PENDING' END FROM generate_series(1, ?) g",
					DemoShop.CUSTOMERS, DemoShop.CUSTOMERS * DemoShop.ORDERS_PER_CUSTOMER);
			jdbc.update(
					"INSERT INTO demo.shop_order_lines SELECT o.id, 'P-' || lpad(((o.id * 7 + l) % ? + 1)::text, "
							+ "3, '0'), 1 + (o.id + l) % 3 FROM demo.shop_orders o CROSS JOIN generate_series(0, ?) l",
					DemoShop.PRODUCTS, DemoShop.LINES_PER_ORDER - 1);
			jdbc.execute("ANALYZE demo.shop_customers, demo.shop_orders, demo.shop_order_lines, demo.shop_products");
		});
	}

	@Override
	public Played readCustomer(String email) {
		return PostgresCalls.call(() -> {
			ensureSeeded();
			DemoSteps steps = new DemoSteps();
			List<Map<String, Object>> rows = steps.run(STORE, JOIN, PostgresDemoTables.params("email", email),
					() -> this.tables.rows(JOIN, email), (result) -> TextTable.of(result, 20));
			return steps.finding("rows", rows.size())
				.finding("orders", rows.stream().map((row) -> row.get("order_id")).distinct().count())
				.finding("tablesJoined", 4)
				.played();
		});
	}

	@Override
	public Played renameProduct(String sku, String newName) {
		return PostgresCalls.call(() -> {
			ensureSeeded();
			DemoSteps steps = new DemoSteps();
			int updated = steps.run(STORE, RENAME, PostgresDemoTables.params("name", newName, "sku", sku),
					() -> this.tables.jdbc.update(RENAME, newName, sku), (count) -> count + " row updated");
			Long lines = steps.run(STORE, LINES_OF, PostgresDemoTables.params("sku", sku),
					() -> this.tables.jdbc.queryForObject(LINES_OF, Long.class, sku),
					(count) -> count + " order lines reference the product; all of them read the new name through "
							+ "the JOIN at once");
			return steps.finding("copiesUpdated", updated)
				.finding("orderLinesReferencing", lines)
				.finding("windowMillis", 0)
				.finding("disagreeingMidway", 0)
				.played();
		});
	}

	@Override
	public void reset() {
		this.tables.drop("demo.shop_order_lines", "demo.shop_orders", "demo.shop_products", "demo.shop_customers");
	}

}
