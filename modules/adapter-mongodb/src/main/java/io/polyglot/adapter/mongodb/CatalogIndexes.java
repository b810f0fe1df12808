package io.polyglot.adapter.mongodb;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The catalog's indexes, created idempotently (creating an existing index with the same
 * keys and options is a no-op). Every query the API issues is served by one of them; see
 * docs/stores/mongodb.md for which.
 */
final class CatalogIndexes {

	private final MongoCollection<Document> products;

	private volatile boolean ensured;

	CatalogIndexes(MongoCollection<Document> products) {
		this.products = products;
	}

	/**
	 * Creates the indexes unless this instance already did; called at startup and before
	 * every catalog operation until it succeeded, so a MongoDB that was down at startup
	 * gets its indexes on first use.
	 */
	void ensure() {
		if (this.ensured) {
			return;
		}
		MongoCalls.run(() -> this.products.createIndexes(List.of(
				new IndexModel(Indexes.ascending(ProductDocuments.SKU),
						new IndexOptions().name("sku_unique").unique(true)),
				new IndexModel(Indexes.ascending(ProductDocuments.CATEGORY, ProductDocuments.NAME_KEY, "_id"),
						new IndexOptions().name("category_name_id")),
				new IndexModel(Indexes.ascending(ProductDocuments.CATEGORY, ProductDocuments.PRICE_CENTS, "_id"),
						new IndexOptions().name("category_price_id")),
				new IndexModel(Indexes.ascending(ProductDocuments.NAME_KEY, "_id"), new IndexOptions().name("name_id")),
				new IndexModel(Indexes.ascending(ProductDocuments.PRICE_CENTS, "_id"),
						new IndexOptions().name("price_id")),
				new IndexModel(Indexes.ascending(ProductDocuments.TERMS), new IndexOptions().name("terms")),
				new IndexModel(Indexes.ascending(ProductDocuments.CATEGORY, ProductDocuments.ATTRS + ".k",
						ProductDocuments.ATTRS + ".v"), new IndexOptions().name("category_attrs")))));
		this.ensured = true;
	}

}
