package io.polyglot.adapter.postgres;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.SearchTerms;
import io.polyglot.domain.shared.Money;

/**
 * The JSONB layout of catalog rows (see {@code V7__catalog_documents.sql}) and its
 * mapping to the domain: the same fields the MongoDB adapter's documents hold, so both
 * answer equal products.
 */
final class CatalogDocuments {

	private CatalogDocuments() {
	}

	/** The key names are sorted by: lower case, as the MongoDB adapter's nameKey. */
	static String nameKey(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static long cents(Money price) {
		return price.amount().movePointRight(Money.SCALE).longValueExact();
	}

	/** The document of a product's catalog fields, as JSON. */
	static String document(Product product) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("sku", product.sku());
		document.put("name", product.name());
		document.put("nameKey", nameKey(product.name()));
		document.put("description", product.description());
		document.put("category", product.category().value());
		document.put("priceCents", cents(product.price()));
		document.put("currency", product.price().currency());
		document.put("attributes", product.attributes());
		document.put("terms", SearchTerms.of(product.name(), product.description(), product.sku()));
		return PostgresJson.write(document);
	}

	/** A product from a row with columns {@code id, document, stock, version}. */
	static Product product(ResultSet row) throws SQLException {
		Map<String, Object> document = PostgresJson.readMap(row.getString("document"));
		@SuppressWarnings("unchecked")
		Map<String, Object> attributes = (Map<String, Object>) document.getOrDefault("attributes", Map.of());
		return new Product(new ProductId(row.getObject("id", UUID.class)), (String) document.get("sku"),
				(String) document.get("name"), (String) document.get("description"),
				new CategoryCode((String) document.get("category")),
				money(((Number) document.get("priceCents")).longValue(), (String) document.get("currency")),
				Math.toIntExact(row.getLong("stock")), attributes, row.getLong("version"));
	}

	static Money money(long cents, String currency) {
		return new Money(BigDecimal.valueOf(cents, Money.SCALE), currency);
	}

	static String attributes(Category category) {
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (AttributeDefinition attribute : category.attributes()) {
			Map<String, Object> definition = new LinkedHashMap<>();
			definition.put("name", attribute.name());
			definition.put("type", attribute.type().apiName());
			definition.put("required", attribute.required());
			definition.put("values", attribute.values());
			attributes.add(definition);
		}
		return PostgresJson.write(attributes);
	}

	static Category category(ResultSet row) throws SQLException {
		List<AttributeDefinition> attributes = new ArrayList<>();
		for (Object stored : PostgresJson.read(row.getString("attributes"), List.class)) {
			Map<?, ?> definition = (Map<?, ?>) stored;
			List<String> values = new ArrayList<>();
			for (Object value : (List<?>) definition.get("values")) {
				values.add((String) value);
			}
			attributes.add(new AttributeDefinition((String) definition.get("name"),
					AttributeType.parse("type", (String) definition.get("type")),
					Boolean.TRUE.equals(definition.get("required")), values));
		}
		return new Category(new CategoryCode(row.getString("code")), row.getString("name"), attributes);
	}

}
