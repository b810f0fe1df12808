package io.polyglot.bench.workloads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.polyglot.adapter.mongodb.MongoPorts;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.harness.Load;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeFilter;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.catalog.ProductSort;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.PageRequest;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Catalog (MongoDB): point read by id, filtered search (category + attribute + price
 * range, sorted by price, first page of 20) and the facets of the same filters (in the
 * large category and in one that holds 1 % of the products) as the collection grows, and
 * stock reservation on a few hot products under concurrent clients. Targets: the MongoDB
 * adapter (port), the same queries through the bare driver (raw), and the routing's
 * PostgreSQL catalog and stock adapters (baseline: same ports, same contract).
 */
public final class CatalogWorkload implements Workload {

	private static final int PAGE = 20;

	private static final int HOT = 10;

	private static final int HOT_STOCK = 1_000_000;

	@Override
	public String concern() {
		return "catalog";
	}

	@Override
	public String store() {
		return "mongodb";
	}

	@Override
	public Set<String> needs() {
		return Set.of("mongodb", "postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		Catalog catalog = MongoPorts.catalog(stores.mongoDatabase());
		Stock stock = MongoPorts.stock(stores.mongoTemplate());
		MongoCollection<Document> products = stores.mongoDatabase().getCollection(MongoPorts.PRODUCTS);
		// the baseline is the routing's PostgreSQL catalog adapter: the same port and
		// contract, JSONB documents with a GIN index and expression indexes per sort
		Catalog pg = PostgresPorts.catalog(stores.postgres());
		Stock pgStock = PostgresPorts.stock(stores.postgres());
		String mongoLabel = stores.implementations().get("mongodb");
		String pgLabel = stores.implementations().get("postgres");
		if (mongoLabel.contains("mongo-java-server")) {
			context.note("catalog: served by " + mongoLabel
					+ ", a stand-in for MongoDB whose secondary indexes are Polyglot's own (mongodb-node "
					+ "OrderedIndex): the filtered search scans category_price_id in price order and stops at "
					+ "the page, as genuine MongoDB would; run against MongoDB with --spring.mongodb.uri=... "
					+ "to measure the real server.");
		}
		Category category = new Category(new CategoryCode("bench-books"), "Benchmark books",
				List.of(new AttributeDefinition("author", AttributeType.STRING, true, List.of()),
						new AttributeDefinition("pages", AttributeType.INTEGER, false, List.of()),
						new AttributeDefinition("format", AttributeType.ENUM, false, List.of("paper", "hard"))));
		// one product in a hundred is in a small category of its own: the facets of a
		// category that holds a sliver of the catalog show whether the aggregation's
		// $match reads through an index or the whole collection
		Category rare = new Category(new CategoryCode("bench-rare-books"), "Benchmark rare books",
				category.attributes());
		for (Category each : List.of(category, rare)) {
			catalog.putCategory(each);
			pg.putCategory(each);
		}
		Random random = new Random(42);
		List<ProductId> ids = new ArrayList<>();
		List<Long> sizes = context.settings().sizesOr(List.of(1_000L, 10_000L), List.of(1_000L, 10_000L, 100_000L));
		for (long size : sizes) {
			// growth: the collection is filled up to each size in turn, the same products
			// in
			// both stores
			List<Product> batch = new ArrayList<>();
			context.progress().message("catalog: growing to " + size + " products");
			while (ids.size() + batch.size() < size) {
				int i = ids.size() + batch.size();
				Product product = new Product(ProductId.random(), "BENCH-" + i, "Book number " + i,
						"A generated book for the bench", (i % 100 == 99) ? rare.code() : category.code(),
						Money.parse((1 + random.nextInt(9_999)) + "." + (10 + random.nextInt(90)), "EUR"),
						1_000 + random.nextInt(100), Map.of("author", "Author " + (i % 500), "pages",
								(long) (50 + i % 900), "format", (i % 2 == 0) ? "paper" : "hard"),
						0);
				batch.add(product);
			}
			Load.parallel(batch.size(), (i) -> {
				catalog.add(batch.get((int) i));
				pg.add(batch.get((int) i));
			});
			batch.forEach((p) -> ids.add(p.id()));
			int n = ids.size();

			context.check("point-read",
					Equivalence.targets("port",
							(Equivalence.Answer) (i) -> catalog.product(ids.get((i * 7919) % n))
								.map((p) -> p.id() + "|" + p.sku() + "|" + p.name() + "|"
										+ p.price().amount().movePointRight(2).longValueExact() + "|" + p.stock())
								.orElse("none"),
							"raw", (Equivalence.Answer) (i) -> rawRead(products, ids.get((i * 7919) % n)), "baseline",
							(Equivalence.Answer) (i) -> pg.product(ids.get((i * 7919) % n))
								.map((p) -> p.id() + "|" + p.sku() + "|" + p.name() + "|"
										+ p.price().amount().movePointRight(2).longValueExact() + "|" + p.stock())
								.orElse("none")));
			context.measure(concern(), "point-read", "port", mongoLabel, size,
					(op) -> catalog.product(ids.get((int) ((op * 7919) % n))).orElseThrow());
			context.measure(concern(), "point-read", "raw", mongoLabel, size,
					(op) -> products.find(Filters.eq("_id", ids.get((int) ((op * 7919) % n)).toString())).first());
			context.measure(concern(), "point-read", "baseline", pgLabel, size,
					(op) -> pg.product(ids.get((int) ((op * 7919) % n))).orElseThrow());

			context.check("search",
					Equivalence.targets("port",
							(Equivalence.Answer) (i) -> catalog.search(query(category, i), new PageRequest(PAGE, null))
								.items()
								.stream()
								.map((p) -> p.id().toString())
								.toList(),
							"raw", (Equivalence.Answer) (i) -> rawSearch(products, query(category, i)), "baseline",
							(Equivalence.Answer) (i) -> pg.search(query(category, i), new PageRequest(PAGE, null))
								.items()
								.stream()
								.map((p) -> p.id().toString())
								.toList()));
			context.measure(concern(), "search", "port", mongoLabel, size,
					(op) -> catalog.search(query(category, op), new PageRequest(PAGE, null)));
			context.measure(concern(), "search", "raw", mongoLabel, size,
					(op) -> rawSearch(products, query(category, op)));
			context.measure(concern(), "search", "baseline", pgLabel, size,
					(op) -> pg.search(query(category, op), new PageRequest(PAGE, null)));

			// facets of the same filters: an aggregation ($match, $unwind, $group, $sort)
			// against GROUP BY over jsonb_each; the answer counts every matching
			// product, so it grows with the collection even where the $match is indexed
			facets(context, "facets", category, catalog, pg, mongoLabel, pgLabel, size);
			facets(context, "facets-narrow", rare, catalog, pg, mongoLabel, pgLabel, size);
		}

		// reservations on ten hot products under contention; each run gets ten fresh
		// products per target with stock far beyond what a run can take, so no call
		// fails for want of stock and every run starts from the same state
		Set<Integer> contention = new LinkedHashSet<>(context.settings().clients());
		contention.add(8);
		long size = ids.size();
		for (int clients : contention.stream().sorted().toList()) {
			List<UUID> portHot = hot(catalog, category, random);
			List<UUID> rawHot = hot(catalog, category, random);
			List<UUID> pgHot = hot(pg, category, random);
			context.measure(concern(), "reserve-hot", "port", mongoLabel, size, List.of(clients), (op) -> {
				if (!stock.reserve(portHot.get((int) (op % HOT)), UUID.randomUUID(), 1)) {
					throw new IllegalStateException("out of stock");
				}
			});
			context.measure(concern(), "reserve-hot", "raw", mongoLabel, size, List.of(clients),
					(op) -> rawReserve(products, rawHot.get((int) (op % HOT)), UUID.randomUUID(), 1));
			context.measure(concern(), "reserve-hot", "baseline", pgLabel, size, List.of(clients), (op) -> {
				if (!pgStock.reserve(pgHot.get((int) (op % HOT)), UUID.randomUUID(), 1)) {
					throw new IllegalStateException("out of stock");
				}
			});
		}
		context.note("catalog: the baseline is the routing's PostgreSQL catalog adapter (JSONB documents, GIN and "
				+ "expression indexes; stock holds in their own table). reserve-hot holds one unit per call on ten "
				+ "fresh products per run with " + HOT_STOCK + " units each. MongoDB keeps holds inside the product "
				+ "document, so the document (and the check that the order holds nothing yet) grows with every "
				+ "reservation of a run.");
	}

	/** Ten new products with ample stock, for one reservation run. */
	/** Checks and measures the facets of the search's filters in one category. */
	private void facets(BenchContext context, String workload, Category category, Catalog catalog, Catalog pg,
			String mongoLabel, String pgLabel, long size) {
		context.check(workload,
				Equivalence.targets("port",
						(Equivalence.Answer) (i) -> catalog.facets(query(category, i), category).toString(), "baseline",
						(Equivalence.Answer) (i) -> pg.facets(query(category, i), category).toString()));
		context.measure(concern(), workload, "port", mongoLabel, size,
				(op) -> catalog.facets(query(category, op), category));
		context.measure(concern(), workload, "baseline", pgLabel, size,
				(op) -> pg.facets(query(category, op), category));
	}

	private static List<UUID> hot(Catalog catalog, Category category, Random random) {
		List<UUID> hot = new ArrayList<>();
		for (int i = 0; i < HOT; i++) {
			Product product = new Product(ProductId.random(), "HOT-" + UUID.randomUUID().toString().substring(0, 13),
					"Hot book " + i, "Reserved by many clients at once", category.code(),
					Money.parse((1 + random.nextInt(99)) + ".00", "EUR"), HOT_STOCK,
					Map.of("author", "Author " + i, "pages", 100L, "format", "paper"), 0);
			catalog.add(product);
			hot.add(product.id().value());
		}
		return hot;
	}

	static ProductQuery query(Category category, long sample) {
		Random random = new Random(sample);
		long min = 10 + random.nextInt(5_000);
		return new ProductQuery(category.code(), List.of(), Money.parse(min + ".00", "EUR"),
				Money.parse((min + 3_000) + ".00", "EUR"),
				List.of(new AttributeFilter("pages", AttributeFilter.Operator.AT_LEAST,
						(long) (100 + random.nextInt(5) * 100)),
						new AttributeFilter("format", AttributeFilter.Operator.EQUALS,
								random.nextBoolean() ? "paper" : "hard")),
				ProductSort.PRICE_ASCENDING);
	}

	private static String rawRead(MongoCollection<Document> products, ProductId id) {
		Document document = products.find(Filters.eq("_id", id.toString())).first();
		if (document == null) {
			return "none";
		}
		return document.getString("_id") + "|" + document.getString("sku") + "|" + document.getString("name") + "|"
				+ ((Number) document.get("priceCents")).longValue() + "|" + ((Number) document.get("stock")).intValue();
	}

	private static List<String> rawSearch(MongoCollection<Document> products, ProductQuery query) {
		List<Bson> filters = new ArrayList<>();
		filters.add(Filters.eq("category", query.category().value()));
		filters.add(Filters.gte("priceCents", PostgresCatalogAccess.cents(query.minPrice())));
		filters.add(Filters.lte("priceCents", PostgresCatalogAccess.cents(query.maxPrice())));
		for (AttributeFilter filter : query.filters()) {
			Bson value = switch (filter.operator()) {
				case EQUALS -> Filters.eq("v", filter.value());
				case AT_LEAST -> Filters.gte("v", filter.value());
				case AT_MOST -> Filters.lte("v", filter.value());
			};
			filters.add(Filters.elemMatch("attrs", Filters.and(Filters.eq("k", filter.name()), value)));
		}
		List<String> ids = new ArrayList<>();
		for (Document document : products.find(Filters.and(filters))
			.sort(Sorts.ascending("priceCents", "_id"))
			.limit(PAGE)) {
			ids.add(document.getString("_id"));
		}
		return ids;
	}

	private static void rawReserve(MongoCollection<Document> products, UUID product, UUID order, int quantity) {
		var result = products.updateOne(
				Filters.and(Filters.eq("_id", product.toString()), Filters.gte("stock", quantity),
						Filters.ne("holds.order", order.toString())),
				Updates.combine(Updates.inc("stock", -quantity),
						Updates.push("holds", new Document("order", order.toString()).append("quantity", quantity))));
		if (result.getModifiedCount() != 1) {
			throw new IllegalStateException("out of stock");
		}
	}

	/** Cents of a price, as both stores keep them. */
	private static final class PostgresCatalogAccess {

		static long cents(Money money) {
			return money.amount().movePointRight(Money.SCALE).longValueExact();
		}

	}

}
