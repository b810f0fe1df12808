package io.polyglot.adapter.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Facets;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The catalog in PostgreSQL: categories in {@code catalog_categories}, products as JSONB
 * documents in {@code catalog_products} (layout in {@link CatalogDocuments}). Category,
 * search words and attribute equality become one containment test ({@code @>}) that the
 * document's GIN index answers; sorts and keyset paging use expression indexes.
 * <p>
 * As in the MongoDB adapter, {@code version} counts administrator edits only: stock
 * changes from orders ({@link PostgresStock}) never touch it, and an edit adds its stock
 * change to {@code stock} and {@code received} in the same conditional UPDATE, so it
 * never undoes a reservation made meanwhile.
 */
final class PostgresCatalog implements Catalog, CatalogImport {

	private static final String COLUMNS = "id, document, stock, version";

	private static final String CATEGORIES = "SELECT code, name, attributes FROM catalog_categories ORDER BY code COLLATE \"C\"";

	private static final String CATEGORY = "SELECT code, name, attributes FROM catalog_categories WHERE code = ?";

	private static final String PUT_CATEGORY = """
			INSERT INTO catalog_categories (code, name, attributes) VALUES (?, ?, ?::jsonb)
			ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, attributes = EXCLUDED.attributes
			RETURNING (xmax = 0) AS created""";

	private static final String ADD_CATEGORY = """
			INSERT INTO catalog_categories (code, name, attributes) VALUES (?, ?, ?::jsonb)
			ON CONFLICT (code) DO NOTHING""";

	private static final String ADD = """
			INSERT INTO catalog_products (id, document, stock, received, sold, version)
			VALUES (?, ?::jsonb, ?, ?, 0, ?)""";

	private static final String PRODUCT = "SELECT " + COLUMNS + " FROM catalog_products WHERE id = ?";

	// the version check and the floor on stock are conditions of the one UPDATE, so a
	// concurrent edit or reservation can never be overwritten
	private static final String UPDATE = """
			UPDATE catalog_products
			SET document = ?::jsonb, stock = stock + ?, received = received + ?, version = version + 1
			WHERE id = ? AND version = ? AND stock + ? >= 0
			RETURNING""" + " " + COLUMNS;

	private static final String CURRENT = "SELECT stock, version FROM catalog_products WHERE id = ?";

	private static final String REMOVE = """
			DELETE FROM catalog_products
			WHERE id = ? AND NOT EXISTS (SELECT 1 FROM catalog_stock_holds WHERE product_id = ?)""";

	private static final String EXISTS = "SELECT count(*) FROM catalog_products WHERE id = ?";

	// the product and its holds in one statement: all of it or nothing, and nothing when
	// the id is there already
	private static final String IMPORT = """
			WITH product AS (
			    INSERT INTO catalog_products (id, document, stock, received, sold, version)
			    VALUES (?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id),
			holds AS (
			    INSERT INTO catalog_stock_holds (product_id, order_id, quantity)
			    SELECT product.id, hold.order_id, hold.quantity
			    FROM product, unnest(?::uuid[], ?::integer[]) AS hold (order_id, quantity)
			    RETURNING 1)
			SELECT count(*) FROM product""";

	private static final String NAME_KEY = "((document ->> 'nameKey') COLLATE \"C\")";

	private static final String PRICE = "((document ->> 'priceCents')::bigint)";

	private final JdbcTemplate jdbc;

	PostgresCatalog(JdbcTemplate jdbc) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
	}

	@Override
	public List<Category> categories() {
		return PostgresCalls.call(() -> this.jdbc.query(CATEGORIES, (row, n) -> CatalogDocuments.category(row)));
	}

	@Override
	public Optional<Category> category(CategoryCode code) {
		return PostgresCalls
			.call(() -> this.jdbc.query(CATEGORY, (row, n) -> CatalogDocuments.category(row), code.value()))
			.stream()
			.findFirst();
	}

	@Override
	public boolean putCategory(Category category) {
		return PostgresCalls.call(() -> Boolean.TRUE.equals(this.jdbc.queryForObject(PUT_CATEGORY, Boolean.class,
				category.code().value(), category.name(), CatalogDocuments.attributes(category))));
	}

	@Override
	public boolean addCategoryIfAbsent(Category category) {
		return PostgresCalls.call(() -> this.jdbc.update(ADD_CATEGORY, category.code().value(), category.name(),
				CatalogDocuments.attributes(category)) == 1);
	}

	@Override
	public void add(Product product) {
		PostgresCalls.call(() -> {
			try {
				return this.jdbc.update(ADD, product.id().value(), CatalogDocuments.document(product),
						(long) product.stock(), (long) product.stock(), product.version());
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("SKU " + product.sku() + " is already taken.");
			}
		});
	}

	@Override
	public boolean importProduct(Product product, Stock.Level level) {
		UUID[] orders = level.holds().keySet().toArray(UUID[]::new);
		Integer[] quantities = level.holds().values().toArray(Integer[]::new);
		return PostgresCalls.call(() -> {
			try {
				Long inserted = this.jdbc.query((connection) -> {
					var statement = connection.prepareStatement(IMPORT);
					statement.setObject(1, product.id().value());
					statement.setString(2, CatalogDocuments.document(product));
					statement.setLong(3, level.inStock());
					statement.setLong(4, level.received());
					statement.setLong(5, level.sold());
					statement.setLong(6, product.version());
					statement.setArray(7, connection.createArrayOf("uuid", orders));
					statement.setArray(8, connection.createArrayOf("integer", quantities));
					return statement;
				}, (row, n) -> row.getLong(1)).get(0);
				return inserted > 0;
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("SKU " + product.sku() + " is already taken.");
			}
		});
	}

	@Override
	public Optional<Product> product(ProductId id) {
		return PostgresCalls.call(() -> this.jdbc.query(PRODUCT, (row, n) -> CatalogDocuments.product(row), id.value()))
			.stream()
			.findFirst();
	}

	@Override
	public Product update(Product product, long expectedVersion, int stockChange) {
		UUID id = product.id().value();
		return PostgresCalls.call(() -> {
			List<Product> updated;
			try {
				updated = this.jdbc.query(UPDATE, (row, n) -> CatalogDocuments.product(row),
						CatalogDocuments.document(product), (long) stockChange, (long) stockChange, id, expectedVersion,
						(long) stockChange);
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("SKU " + product.sku() + " is already taken.");
			}
			if (!updated.isEmpty()) {
				return updated.get(0);
			}
			List<long[]> current = this.jdbc.query(CURRENT,
					(row, n) -> new long[] { row.getLong("stock"), row.getLong("version") }, id);
			if (current.isEmpty()) {
				throw new NotFoundException("No product " + product.id() + ".");
			}
			if (current.get(0)[1] != expectedVersion) {
				throw new ConflictException("Product " + product.id() + " was changed meanwhile (now at version "
						+ current.get(0)[1] + "); read it again.");
			}
			throw new ConflictException("Product " + product.id() + " has only " + current.get(0)[0]
					+ " units left; the stock cannot go below zero.");
		});
	}

	@Override
	public boolean remove(ProductId id) {
		return PostgresCalls.call(() -> {
			try {
				if (this.jdbc.update(REMOVE, id.value(), id.value()) > 0) {
					return true;
				}
			}
			catch (DataIntegrityViolationException ex) {
				// a reservation committed between our check and our delete: the foreign
				// key refuses the delete
				throw held(id);
			}
			Long found = this.jdbc.queryForObject(EXISTS, Long.class, id.value());
			if (found != null && found > 0) {
				throw held(id);
			}
			return false;
		});
	}

	@Override
	public Page<Product> search(ProductQuery query, PageRequest page) {
		Position after = (page.cursor() != null) ? Position.decode(page.cursor(), query.sort()) : null;
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM catalog_products WHERE ");
		sql.append(where(query, args));
		if (after != null) {
			String key = (query.sort() == ProductSort.NAME) ? NAME_KEY : PRICE;
			String comparison = (query.sort() == ProductSort.PRICE_DESCENDING) ? "<" : ">";
			sql.append(" AND (").append(key).append(", id) ").append(comparison).append(" (?, ?)");
			args.add(after.key());
			args.add(after.id());
		}
		sql.append(" ORDER BY ").append(order(query.sort())).append(" LIMIT ?");
		args.add(page.limit() + 1);
		return PostgresCalls.call(() -> {
			List<Product> found = this.jdbc.query(sql.toString(), (row, n) -> CatalogDocuments.product(row),
					args.toArray());
			if (found.size() <= page.limit()) {
				return new Page<>(found, null);
			}
			List<Product> items = List.copyOf(found.subList(0, page.limit()));
			return new Page<>(items, Position.after(items.get(items.size() - 1), query.sort()));
		});
	}

	@Override
	public Facets facets(ProductQuery query, Category category) {
		List<Object> args = new ArrayList<>();
		String sql = """
				SELECT attribute.key, attribute.value::text AS value, count(*) AS n
				FROM catalog_products CROSS JOIN LATERAL jsonb_each(document -> 'attributes') AS attribute
				WHERE %s
				GROUP BY attribute.key, attribute.value
				ORDER BY n DESC, attribute.key COLLATE "C", attribute.value""".formatted(where(query, args));
		Map<String, List<Facets.ValueCount>> counts = new LinkedHashMap<>();
		category.attributes().forEach((attribute) -> counts.put(attribute.name(), new ArrayList<>()));
		PostgresCalls.call(() -> {
			this.jdbc.query(sql, (row) -> {
				List<Facets.ValueCount> values = counts.get(row.getString("key"));
				// attributes a schema change dropped are not facets any more
				if (values != null && values.size() < Facets.MAX_VALUES_PER_ATTRIBUTE) {
					values.add(new Facets.ValueCount(PostgresJson.read(row.getString("value"), Object.class),
							row.getLong("n")));
				}
			}, args.toArray());
			return null;
		});
		return new Facets(counts);
	}

	/**
	 * The query's conditions. Only values go into {@code args}; the SQL text is built
	 * from fixed fragments, never from anything the caller typed.
	 */
	private static String where(ProductQuery query, List<Object> args) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> contained = new LinkedHashMap<>();
		if (query.category() != null) {
			contained.put("category", query.category().value());
		}
		if (!query.terms().isEmpty()) {
			contained.put("terms", query.terms());
		}
		Map<String, Object> equal = new LinkedHashMap<>();
		for (AttributeFilter filter : query.filters()) {
			if (filter.operator() == AttributeFilter.Operator.EQUALS) {
				equal.put(filter.name(), filter.value());
			}
		}
		if (!equal.isEmpty()) {
			contained.put("attributes", equal);
		}
		if (!contained.isEmpty()) {
			conditions.add("document @> ?::jsonb");
			args.add(PostgresJson.write(contained));
		}
		if (query.category() != null) {
			// repeated as an equality so the planner can use the category's sort index
			conditions.add("document ->> 'category' = ?");
			args.add(query.category().value());
		}
		if (query.minPrice() != null) {
			conditions.add(PRICE + " >= ?");
			args.add(CatalogDocuments.cents(query.minPrice()));
		}
		if (query.maxPrice() != null) {
			conditions.add(PRICE + " <= ?");
			args.add(CatalogDocuments.cents(query.maxPrice()));
		}
		for (AttributeFilter filter : query.filters()) {
			if (filter.operator() == AttributeFilter.Operator.EQUALS) {
				continue;
			}
			// jsonb compares numbers as numbers and strings as strings; the type check
			// keeps a number filter from matching strings, as MongoDB's comparison does
			String operator = (filter.operator() == AttributeFilter.Operator.AT_LEAST) ? ">=" : "<=";
			conditions.add("(document -> 'attributes' -> ?) " + operator
					+ " ?::jsonb AND jsonb_typeof(document -> 'attributes' -> ?) = jsonb_typeof(?::jsonb)");
			String value = PostgresJson.write(filter.value());
			args.add(filter.name());
			args.add(value);
			args.add(filter.name());
			args.add(value);
		}
		return conditions.isEmpty() ? "true" : String.join(" AND ", conditions);
	}

	private static String order(ProductSort sort) {
		return switch (sort) {
			case NAME -> NAME_KEY + ", id";
			case PRICE_ASCENDING -> PRICE + ", id";
			case PRICE_DESCENDING -> PRICE + " DESC, id DESC";
		};
	}

	private static ConflictException held(ProductId id) {
		return new ConflictException("Product " + id + " has units held by open orders; it cannot be deleted "
				+ "until they are shipped or cancelled.");
	}

	/**
	 * A keyset position: the sort key and id of the last product of a page, written as
	 * the MongoDB adapter writes it ({@code sort \n key \n id}).
	 */
	record Position(Object key, UUID id) {

		private static final char SEPARATOR = '\n';

		static Cursor after(Product last, ProductSort sort) {
			Object key = (sort == ProductSort.NAME) ? CatalogDocuments.nameKey(last.name())
					: CatalogDocuments.cents(last.price());
			return Cursor.encode(sort.apiName() + SEPARATOR + key + SEPARATOR + last.id());
		}

		/**
		 * Decodes and checks a cursor issued for this sort; anything else is a validation
		 * error on {@code cursor}.
		 */
		static Position decode(Cursor cursor, ProductSort sort) {
			String text = cursor.decode();
			int first = text.indexOf(SEPARATOR);
			int last = text.lastIndexOf(SEPARATOR);
			if (first < 0 || first == last || !text.substring(0, first).equals(sort.apiName())) {
				throw Cursor.invalid();
			}
			String key = text.substring(first + 1, last);
			String id = text.substring(last + 1);
			try {
				UUID uuid = UUID.fromString(id);
				if (!id.equals(uuid.toString())) {
					throw Cursor.invalid();
				}
				return new Position((sort == ProductSort.NAME) ? key : (Object) Long.parseLong(key), uuid);
			}
			catch (IllegalArgumentException ex) {
				throw Cursor.invalid();
			}
		}

	}

}
