package io.polyglot.adapter.mongodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.SearchTerms;
import io.polyglot.domain.shared.Money;
import org.bson.Document;

/**
 * The layout of a product document and its mapping to the domain. One document per
 * product, laid out as:
 *
 * <pre>
 * { _id: "uuid", sku, name, nameKey, description, category, priceCents: long, currency,
 *   attributes: { author: "…", pages: 320 },          // as the client sees them
 *   attrs: [ { k: "author", v: "…" }, { k: "pages", v: 320 } ],  // the same, indexable
 *   terms: [ "normalized", "words" ],                 // for q, multikey index
 *   stock: long, received: long, sold: long, holds: [ { order: "uuid", quantity } ],
 *   version: long }
 * </pre>
 *
 * Money is kept as integer cents: exact, and sorted and compared the same on
 * mongo-java-server and real MongoDB. {@code attrs} is the attribute pattern: one
 * compound index on {@code (category, attrs.k, attrs.v)} serves equality and range
 * filters on every attribute of every category, with no index per attribute.
 */
final class ProductDocuments {

	static final String ID = "_id";

	static final String SKU = "sku";

	static final String NAME = "name";

	static final String NAME_KEY = "nameKey";

	static final String DESCRIPTION = "description";

	static final String CATEGORY = "category";

	static final String PRICE_CENTS = "priceCents";

	static final String CURRENCY = "currency";

	static final String ATTRIBUTES = "attributes";

	static final String ATTRS = "attrs";

	static final String TERMS = "terms";

	static final String STOCK = "stock";

	static final String RECEIVED = "received";

	static final String SOLD = "sold";

	static final String HOLDS = "holds";

	static final String VERSION = "version";

	private ProductDocuments() {
	}

	/** The key names are sorted by: lower case, so "apple" and "Apple" sort together. */
	static String nameKey(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static long cents(Money price) {
		return price.amount().movePointRight(Money.SCALE).longValueExact();
	}

	/** The catalog fields an administrator sets, as {@code $set} (or insert) content. */
	static Document catalogFields(Product product) {
		List<Document> attrs = new ArrayList<>();
		product.attributes().forEach((name, value) -> attrs.add(new Document("k", name).append("v", value)));
		return new Document(SKU, product.sku()).append(NAME, product.name())
			.append(NAME_KEY, nameKey(product.name()))
			.append(DESCRIPTION, product.description())
			.append(CATEGORY, product.category().value())
			.append(PRICE_CENTS, cents(product.price()))
			.append(CURRENCY, product.price().currency())
			.append(ATTRIBUTES, new Document(product.attributes()))
			.append(ATTRS, attrs)
			.append(TERMS, SearchTerms.of(product.name(), product.description(), product.sku()));
	}

	/** A whole new product document. */
	static Document newDocument(Product product) {
		Document document = new Document(ID, product.id().toString());
		document.putAll(catalogFields(product));
		return document.append(STOCK, (long) product.stock())
			.append(RECEIVED, (long) product.stock())
			.append(SOLD, 0L)
			.append(HOLDS, List.of())
			.append(VERSION, product.version());
	}

	static Product toProduct(Document document) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		Document stored = document.get(ATTRIBUTES, Document.class);
		if (stored != null) {
			stored.forEach((name, value) -> attributes.put(name, normalize(value)));
		}
		return new Product(new ProductId(UUID.fromString(document.getString(ID))), document.getString(SKU),
				document.getString(NAME), document.getString(DESCRIPTION),
				new CategoryCode(document.getString(CATEGORY)), money(document), number(document, STOCK).intValue(),
				attributes, number(document, VERSION).longValue());
	}

	static Money money(Document document) {
		return new Money(BigDecimal.valueOf(number(document, PRICE_CENTS).longValue(), Money.SCALE),
				document.getString(CURRENCY));
	}

	static Number number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number number) ? number : 0L;
	}

	/**
	 * Whole numbers come back as Long whatever width the server chose to keep them in.
	 */
	private static Object normalize(Object value) {
		if (value instanceof Integer integer) {
			return integer.longValue();
		}
		return value;
	}

}
