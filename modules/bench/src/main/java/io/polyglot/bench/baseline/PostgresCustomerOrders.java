package io.polyglot.bench.baseline;

import java.util.List;
import java.util.UUID;

/**
 * The seed's customer-with-orders example, normalized on PostgreSQL: customers, orders,
 * order lines referencing products (the name lives once, in products). Reading a customer
 * with their orders is one JOIN over three foreign-key indexes; renaming a product is one
 * row.
 */
public final class PostgresCustomerOrders {

	private final Sql sql;

	public PostgresCustomerOrders(Sql sql) {
		this.sql = sql;
	}

	public PostgresCustomerOrders createSchema() {
		this.sql.execute("DROP TABLE IF EXISTS doc_lines, doc_orders, doc_products, doc_customers",
				"CREATE TABLE doc_customers (id uuid PRIMARY KEY, name text NOT NULL, email text NOT NULL)",
				"CREATE TABLE doc_products (id uuid PRIMARY KEY, name text NOT NULL)",
				"CREATE TABLE doc_orders (id uuid PRIMARY KEY, customer_id uuid NOT NULL REFERENCES doc_customers (id),"
						+ " seq int NOT NULL)",
				"CREATE INDEX doc_orders_customer ON doc_orders (customer_id, seq)",
				"CREATE TABLE doc_lines (order_id uuid NOT NULL REFERENCES doc_orders (id), line int NOT NULL,"
						+ " product_id uuid NOT NULL REFERENCES doc_products (id), quantity int NOT NULL,"
						+ " price_cents bigint NOT NULL, PRIMARY KEY (order_id, line))",
				"CREATE INDEX doc_lines_product ON doc_lines (product_id)");
		return this;
	}

	public Sql sql() {
		return this.sql;
	}

	/** Everything about one customer, flattened in order: the comparison string. */
	public String customerWithOrders(UUID customer) {
		List<String> rows = this.sql.query(
				"""
						SELECT c.name, c.email, o.id, l.line, p.name AS product, l.quantity, l.price_cents
						FROM doc_customers c
						JOIN doc_orders o ON o.customer_id = c.id
						JOIN doc_lines l ON l.order_id = o.id
						JOIN doc_products p ON p.id = l.product_id
						WHERE c.id = ?
						ORDER BY o.seq, l.line""", (row) -> row.getString(1) + "|" + row.getString(2) + "|"
						+ row.getString(3) + "|" + row.getString(5) + "|" + row.getInt(6) + "|" + row.getLong(7),
				customer);
		return String.join(";", rows);
	}

	public void rename(UUID product, String name) {
		this.sql.update("UPDATE doc_products SET name = ? WHERE id = ?", name, product);
	}

}
