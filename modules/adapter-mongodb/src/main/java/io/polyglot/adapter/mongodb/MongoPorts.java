package io.polyglot.adapter.mongodb;

import com.mongodb.client.MongoDatabase;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.order.Stock;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Builds the MongoDB adapter's port implementations outside a Spring context, for
 * programs such as the benchmark runner that drive the same ports the service uses.
 */
public final class MongoPorts {

	/** The collection the catalog keeps its products (and their stock) in. */
	public static final String PRODUCTS = MongoCatalog.PRODUCTS;

	private MongoPorts() {
	}

	/** The catalog over this database, its indexes created. */
	public static Catalog catalog(MongoDatabase database) {
		MongoCatalog catalog = new MongoCatalog(database);
		catalog.ensureIndexes();
		return catalog;
	}

	/** The stock reservations over the same products collection as the catalog. */
	public static Stock stock(MongoTemplate mongo) {
		return new MongoStock(mongo, MongoCatalog.PRODUCTS);
	}

}
