package io.polyglot.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.shared.Money;

/**
 * The catalog on PostgreSQL, as MongoDB's baseline: fixed columns for what every product
 * has (typed: uuid, bigint cents), the per-category attributes as {@code jsonb}. Indexes
 * a good engineer would add: {@code (category, price_cents, id)} serves the category
 * filter and the price sort with its tie-break, a {@code jsonb_path_ops} GIN serves
 * attribute equality ({@code @>}); numeric attribute ranges are filtered on the rows the
 * first index yields. Stock holds live in their own table (one row per order and
 * product), so a reservation is one conditional UPDATE plus one INSERT in one statement.
 */
public final class PostgresCatalog {

	private final Sql sql;

	public PostgresCatalog(Sql sql) {
		this.sql = sql;
	}

	public PostgresCatalog createSchema() {
		this.sql.execute("""
				CREATE TABLE IF NOT EXISTS products (
				    id uuid PRIMARY KEY, sku text NOT NULL UNIQUE, name text NOT NULL, description text NOT NULL,
				    category text NOT NULL, price_cents bigint NOT NULL, currency char(3) NOT NULL,
				    stock integer NOT NULL CHECK (stock >= 0), attributes jsonb NOT NULL, version bigint NOT NULL)""",
				"CREATE INDEX IF NOT EXISTS products_category_price ON products (category, price_cents, id)",
				"CREATE INDEX IF NOT EXISTS products_attributes ON products USING gin (attributes jsonb_path_ops)", """
						CREATE TABLE IF NOT EXISTS stock_holds (
						    product_id uuid NOT NULL REFERENCES products (id), order_id uuid NOT NULL,
						    quantity integer NOT NULL CHECK (quantity > 0), PRIMARY KEY (product_id, order_id))""");
		return this;
	}

	/** Loads products in multi-row batches (the load is not what is measured). */
	public void addAll(List<Product> products) {
		for (int from = 0; from < products.size(); from += 2_000) {
			List<Product> chunk = products.subList(from, Math.min(products.size(), from + 2_000));
			this.sql.update(
					"""
							INSERT INTO products
							SELECT u.id::uuid, u.sku, u.name, u.description, u.category, u.price, 'EUR', u.stock, u.attributes::jsonb, 0
							FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[], ?::text[])
							  AS u(id, sku, name, description, category, price, stock, attributes)""",
					chunk.stream().map((p) -> p.id().toString()).toArray(String[]::new),
					chunk.stream().map(Product::sku).toArray(String[]::new),
					chunk.stream().map(Product::name).toArray(String[]::new),
					chunk.stream().map(Product::description).toArray(String[]::new),
					chunk.stream().map((p) -> p.category().value()).toArray(String[]::new),
					chunk.stream().map((p) -> cents(p.price())).toArray(Long[]::new),
					chunk.stream().map((p) -> Long.toString(p.stock())).toArray(String[]::new),
					chunk.stream().map((p) -> json(p.attributes())).toArray(String[]::new));
		}
		this.sql.execute("ANALYZE products");
	}

	/**
	 * One product by id: sku, name, price in cents and stock (what the comparison
	 * checks).
	 */
	public Optional<String> product(UUID id) {
		return this.sql
			.query("SELECT id, sku, name, price_cents, stock, attributes FROM products WHERE id = ?",
					(row) -> row.getString("id") + "|" + row.getString("sku") + "|" + row.getString("name") + "|"
							+ row.getLong("price_cents") + "|" + row.getInt("stock"),
					id)
			.stream()
			.findFirst();
	}

	/** The ids of the first {@code limit} matches, sorted by price then id. */
	public List<String> search(ProductQuery query, int limit) {
		StringBuilder where = new StringBuilder("category = ?");
		List<Object> parameters = new ArrayList<>(List.of(query.category().value()));
		if (query.minPrice() != null) {
			where.append(" AND price_cents >= ?");
			parameters.add(cents(query.minPrice()));
		}
		if (query.maxPrice() != null) {
			where.append(" AND price_cents <= ?");
			parameters.add(cents(query.maxPrice()));
		}
		for (AttributeFilter filter : query.filters()) {
			switch (filter.operator()) {
				case EQUALS -> {
					where.append(" AND attributes @> ?::jsonb");
					parameters.add(json(Map.of(filter.name(), filter.value())));
				}
				case AT_LEAST -> {
					where.append(" AND (attributes ->> ?)::numeric >= ?");
					parameters.add(filter.name());
					parameters.add(filter.value());
				}
				case AT_MOST -> {
					where.append(" AND (attributes ->> ?)::numeric <= ?");
					parameters.add(filter.name());
					parameters.add(filter.value());
				}
			}
		}
		parameters.add(limit);
		return this.sql.query("SELECT id FROM products WHERE " + where + " ORDER BY price_cents, id LIMIT ?",
				(row) -> row.getString(1), parameters.toArray());
	}

	/**
	 * Holds units of a product for an order if enough are in stock: the conditional
	 * decrement and the hold in one statement (one round trip, atomic).
	 */
	public boolean reserve(UUID productId, UUID orderId, int quantity) {
		return this.sql.update("""
				WITH taken AS (
				    UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ? RETURNING id)
				INSERT INTO stock_holds SELECT id, ?, ? FROM taken""", quantity, productId, quantity, orderId,
				quantity) == 1;
	}

	static long cents(Money money) {
		return money.amount().movePointRight(Money.SCALE).longValueExact();
	}

	static String json(Map<String, Object> attributes) {
		return attributes.entrySet()
			.stream()
			.map((e) -> quote(e.getKey()) + ":"
					+ ((e.getValue() instanceof Number) ? e.getValue().toString()
							: quote(String.valueOf(e.getValue()))))
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
