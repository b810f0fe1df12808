package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogContract;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.CatalogImportContract;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.catalog.SearchTerms;
import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.CustomerOrdersPlaygroundContract;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.IntegrityPlaygroundContract;
import io.polyglot.domain.demo.TransferPlayground;
import io.polyglot.domain.demo.TransferPlaygroundContract;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog contract against the local MongoDB (mongo-java-server through the real
 * driver), plus what only the store shows: the document layout and the indexes.
 */
@SpringBootTest(classes = MongoCatalogIT.Config.class)
class MongoCatalogIT extends CatalogContract {

	@DynamicPropertySource
	static void mongodb(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("mongodb"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	MongoCatalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected Stock stock() {
		return this.stock;
	}

	@Test
	void indexesServeEveryQueryAndCreatingThemAgainChangesNothing() {
		this.catalog.ensureIndexes();
		new CatalogIndexes(this.mongo.getCollection(MongoCatalog.PRODUCTS)).ensure();

		List<String> names = new ArrayList<>();
		for (Document index : this.mongo.getCollection(MongoCatalog.PRODUCTS).listIndexes()) {
			names.add(index.getString("name"));
		}
		assertThat(names).contains("sku_unique", "category_name_id", "category_price_id", "name_id", "price_id",
				"terms", "category_attrs");
	}

	@Test
	void aProductIsOneDocumentWithCentsTermsAndTheAttributePattern() {
		Category category = bookCategory();
		Product product = added(category, "Crème Brûlée", "12.50", 4, Map.of("author", "Ana", "pages", 99L));

		Document document = this.mongo.getCollection(MongoCatalog.PRODUCTS)
			.find(new Document("_id", product.id().toString()))
			.first();

		assertThat(document).isNotNull();
		assertThat(document.get("priceCents")).isEqualTo(1250L);
		assertThat(document.getList("terms", String.class)).contains("creme", "brulee").doesNotContain("Crème");
		assertThat(document.getList("attrs", Document.class)).contains(new Document("k", "pages").append("v", 99L));
		assertThat(document.get("received")).isEqualTo(4L);
		assertThat(document.get("version")).isEqualTo(0L);
	}

	@Test
	void wordsMatchWithoutAccentsOrCase() {
		Category category = bookCategory();
		added(category, "Crème Brûlée", "1.00", 1, Map.of("author", "Ana"));

		for (String q : List.of("CREME", "brûlée crème", "creme.*", "^brulee$")) {
			assertThat(names(this.catalog.search(
					new ProductQuery(category.code(), SearchTerms.ofQuery(q), null, null, List.of(), ProductSort.NAME),
					PageRequest.first())))
				.as(q)
				.containsExactly("Crème Brûlée");
		}
		assertThat(names(this.catalog.search(
				new ProductQuery(category.code(), SearchTerms.ofQuery(".*"), null, null, List.of(), ProductSort.NAME),
				PageRequest.first())))
			.as("regex syntax alone is no word, so it matches everything like no q at all")
			.containsExactly("Crème Brûlée");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

	/** The catalog import contract against the same MongoDB collection. */
	@Nested
	class ImportIntoMongo extends CatalogImportContract {

		@Override
		protected Catalog catalog() {
			return MongoCatalogIT.this.catalog;
		}

		@Override
		protected Stock stock() {
			return MongoCatalogIT.this.stock;
		}

		@Override
		protected CatalogImport catalogImport() {
			return MongoCatalogIT.this.catalog;
		}

	}

	/** Demo 6's transfer as two single-document writes, in a demo database of its own. */
	@Nested
	class DemoTransfers extends TransferPlaygroundContract {

		@Override
		protected TransferPlayground playground() {
			return new MongoTransfers(demoDatabase());
		}

	}

	/** Demo 1's documents, where only the id is unique. */
	@Nested
	class DemoIntegrity extends IntegrityPlaygroundContract {

		@Override
		protected IntegrityPlayground playground() {
			return new MongoIntegrityPlayground(demoDatabase());
		}

	}

	/** Demo 2's shop, one document per customer with the orders embedded. */
	@Nested
	class DemoCustomerOrders extends CustomerOrdersPlaygroundContract {

		@Override
		protected CustomerOrdersPlayground playground() {
			return new MongoCustomerOrders(demoDatabase());
		}

	}

	/**
	 * The demos' own database, as the demo configuration names it apart from the
	 * catalog's.
	 */
	MongoDemoDatabase demoDatabase() {
		return new MongoDemoDatabase(this.mongo.getMongoDatabaseFactory().getMongoDatabase("polyglot_demo_it"));
	}

}
