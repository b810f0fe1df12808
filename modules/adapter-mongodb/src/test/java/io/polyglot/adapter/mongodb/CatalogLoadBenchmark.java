package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.CatalogContract;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A measurement, not a test (the name ends in neither Test nor IT, so CI skips it): loads
 * 100,000 products through the adapter and prints point-read and filtered-search
 * latencies. Run with
 * {@code ./mvnw -pl modules/adapter-mongodb -am verify -Dit.test=CatalogLoadBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 * Nothing is asserted about time.
 */
@SpringBootTest(classes = CatalogLoadBenchmark.Config.class)
class CatalogLoadBenchmark {

	private static final int PRODUCTS = Integer.getInteger("catalog.benchmark.products", 100_000);

	private static final int SAMPLES = 2_000;

	@DynamicPropertySource
	static void mongodb(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("mongodb"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	MongoCatalog catalog;

	@Autowired
	MongoTemplate mongo;

	@Test
	void loadAndMeasure() {
		Category category = new Category(CatalogContract.freshCode(), "Benchmark books",
				List.of(new AttributeDefinition("author", AttributeType.STRING, true, List.of()),
						new AttributeDefinition("pages", AttributeType.INTEGER, false, List.of()),
						new AttributeDefinition("format", AttributeType.ENUM, false, List.of("paper", "hard"))));
		this.catalog.putCategory(category);
		Random random = new Random(42);
		List<ProductId> ids = new ArrayList<>(PRODUCTS);
		long loadStart = System.nanoTime();
		for (int i = 0; i < PRODUCTS; i++) {
			Product product = new Product(ProductId.random(), "BENCH-" + i, "Book number " + i + " volume " + (i % 97),
					"A generated book for the load run", category.code(),
					Money.parse((1 + random.nextInt(9_999)) + "." + (10 + random.nextInt(90)), "EUR"),
					random.nextInt(100), Map.of("author", "Author " + (i % 500), "pages", (long) (50 + i % 900),
							"format", (i % 2 == 0) ? "paper" : "hard"),
					0);
			this.catalog.add(product);
			ids.add(product.id());
		}
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

		long[] reads = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			ProductId id = ids.get(random.nextInt(ids.size()));
			long start = System.nanoTime();
			this.catalog.product(id).orElseThrow();
			reads[i] = System.nanoTime() - start;
		}
		long[] searches = new long[SAMPLES / 10];
		ProductQuery query = new ProductQuery(category.code(), List.of(), Money.parse("10.00", "EUR"),
				Money.parse("5000.00", "EUR"),
				List.of(new AttributeFilter("pages", AttributeFilter.Operator.AT_LEAST, 300L),
						new AttributeFilter("format", AttributeFilter.Operator.EQUALS, "paper")),
				ProductSort.PRICE_ASCENDING);
		int found = 0;
		for (int i = 0; i < searches.length; i++) {
			long start = System.nanoTime();
			found = this.catalog.search(query, new PageRequest(20, null)).items().size();
			searches[i] = System.nanoTime() - start;
		}
		MongoCollection<Document> products = this.mongo.getCollection(MongoCatalog.PRODUCTS);
		System.out.printf("%nCatalogLoadBenchmark on %s%n",
				this.mongo.executeCommand(new Document("buildInfo", 1)).getOrDefault("version", "?"));
		System.out.printf("  loaded %,d products one insert at a time in %.1f s (%.0f/s); collection holds %,d%n",
				PRODUCTS, loadSeconds, PRODUCTS / loadSeconds, products.countDocuments());
		System.out.printf("  point read by id:   p50 %.2f ms, p99 %.2f ms (%d samples)%n", percentile(reads, 50),
				percentile(reads, 99), reads.length);
		System.out.printf(
				"  filtered search (category, price range, pages>=300, format=paper, sort price, 20): "
						+ "p50 %.2f ms, p99 %.2f ms (%d samples, %d items)%n",
				percentile(searches, 50), percentile(searches, 99), searches.length, found);
	}

	private static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
