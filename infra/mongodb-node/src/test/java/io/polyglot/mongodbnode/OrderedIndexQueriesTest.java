package io.polyglot.mongodbnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secondary indexes change which documents are read, never the answer: every query
 * gets the same documents in the same order from the indexed backends (memory and durable
 * H2, also after the H2 file is reopened) as from mongo-java-server's own memory backend,
 * which scans the whole collection. Random documents (arrays, missing fields, mixed
 * number types) and random queries (equalities, ranges, $elemMatch, $all, $or, sorts both
 * ways, skip and limit), on the catalog's own index set; the same for the facets
 * aggregation, whose leading {@code $match} the indexes serve too.
 */
class OrderedIndexQueriesTest {

	private static final String[] CATEGORIES = { "books", "music", "games", "tools" };

	private static final String[] WORDS = { "red", "blue", "green", "big", "small", "old", "new" };

	private final List<MongoServer> servers = new ArrayList<>();

	private final List<MongoClient> clients = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterEach
	void stop() {
		this.clients.forEach(MongoClient::close);
		this.servers.forEach(MongoServer::shutdownNow);
	}

	@Test
	void indexedBackendsAnswerLikeAFullScan() {
		MongoCollection<Document> reference = collection(new MemoryBackend());
		MongoCollection<Document> memory = collection(new IndexedMemoryBackend());
		Path file = this.directory.resolve("catalog.mv");
		MongoCollection<Document> h2 = collection(new DurableH2Backend(MVStore.open(file.toString()), false));
		List<MongoCollection<Document>> all = List.of(reference, memory, h2);
		all.forEach(OrderedIndexQueriesTest::createCatalogIndexes);

		Random random = new Random(7);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			documents.add(product(i, random));
		}
		all.forEach((c) -> c.insertMany(documents.stream().map(Document::new).toList()));
		assertSameAnswers(reference, List.of(memory, h2), random, 250);

		// updates move entries, deletes drop them
		Consumer<MongoCollection<Document>> change = (c) -> {
			c.updateMany(Filters.eq("category", "music"), Updates.inc("priceCents", 150));
			c.updateMany(Filters.lt("priceCents", 2_000), Updates.set("attrs", List.of()));
			c.deleteMany(Filters.and(Filters.eq("category", "tools"), Filters.gt("priceCents", 50_000)));
			c.updateOne(Filters.eq("_id", "p-00007"), Updates.unset("priceCents"));
		};
		all.forEach(change);
		assertSameAnswers(reference, List.of(memory, h2), random, 250);

		// the H2 file reopened: the indexes are rebuilt from the documents
		this.clients.get(2).close();
		this.servers.get(2).shutdownNow();
		MongoCollection<Document> reopened = collection(new DurableH2Backend(MVStore.open(file.toString()), false));
		assertThat(reopened.countDocuments()).isEqualTo(reference.countDocuments());
		assertSameAnswers(reference, List.of(reopened), random, 200);
	}

	@Test
	void aLimitedSortedSearchIsServedInIndexOrder() {
		// the catalog's search: category, a price range, two attributes, by price, a
		// page
		MongoCollection<Document> reference = collection(new MemoryBackend());
		MongoCollection<Document> memory = collection(new IndexedMemoryBackend());
		List.of(reference, memory).forEach(OrderedIndexQueriesTest::createCatalogIndexes);
		Random random = new Random(11);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			documents.add(product(i, random));
		}
		reference.insertMany(documents.stream().map(Document::new).toList());
		memory.insertMany(documents.stream().map(Document::new).toList());
		for (int i = 0; i < 50; i++) {
			long min = random.nextInt(60_000);
			Bson filter = Filters.and(Filters.eq("category", "books"), Filters.gte("priceCents", min),
					Filters.lte("priceCents", min + 30_000),
					Filters.elemMatch("attrs", Filters.and(Filters.eq("k", "pages"), Filters.gte("v", 300))),
					Filters.elemMatch("attrs", Filters.and(Filters.eq("k", "format"), Filters.eq("v", "paper"))));
			for (Bson sort : List.of(Sorts.ascending("priceCents", "_id"), Sorts.descending("priceCents", "_id"))) {
				long before = IndexedQueries.documentsRead.sum();
				List<String> firstPage = ids(memory, filter, sort, 0, 20);
				long read = IndexedQueries.documentsRead.sum() - before;
				assertThat(firstPage).isEqualTo(ids(reference, filter, sort, 0, 20));
				assertThat(ids(memory, filter, sort, 20, 20)).isEqualTo(ids(reference, filter, sort, 20, 20));
				// the category_price_id scan stops at the page: a small part of the
				// 5,000 documents is read, where the stock backend reads them all
				assertThat(read).as("documents read for one page").isPositive().isLessThan(500);
			}
		}
	}

	@Test
	void anAggregationsLeadingMatchIsServedFromAnIndex() {
		// the catalog's facets: $match on category and attributes, then $unwind and
		// $group; the stock backend reads every document before the $match
		MongoCollection<Document> reference = collection(new MemoryBackend());
		MongoCollection<Document> memory = collection(new IndexedMemoryBackend());
		List.of(reference, memory).forEach(OrderedIndexQueriesTest::createCatalogIndexes);
		Random random = new Random(5);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			documents.add(product(i, random).append("category", (i % 50 == 0) ? "maps" : "books"));
		}
		reference.insertMany(documents.stream().map(Document::new).toList());
		memory.insertMany(documents.stream().map(Document::new).toList());
		Bson maps = Filters.eq("category", "maps");
		Bson paperMaps = Filters.and(maps,
				Filters.elemMatch("attrs", Filters.and(Filters.eq("k", "format"), Filters.eq("v", "paper"))));
		for (Bson filter : List.of(maps, paperMaps)) {
			long before = IndexedQueries.documentsRead.sum();
			List<Document> found = facets(memory, filter);
			long read = IndexedQueries.documentsRead.sum() - before;
			assertThat(found).isNotEmpty().isEqualTo(facets(reference, filter));
			// the 100 maps through category_attrs, not the 5,000 products
			assertThat(read).as("documents read for the facets").isPositive().isLessThanOrEqualTo(100);
		}

		// a stage that reads a collection again (here this one) is not narrowed: the
		// $lookup sees every product, not only the $match's
		List<Bson> selfLookup = List.of(Aggregates.match(Filters.eq("_id", "p-00000")),
				Aggregates.lookup("products", "priceCents", "priceCents", "samePrice"));
		List<Bson> withMaps = List.of(Aggregates.match(maps), Aggregates.lookup("products", "terms", "terms", "alike"),
				Aggregates.sort(Sorts.ascending("_id")));
		assertThat(memory.aggregate(selfLookup).into(new ArrayList<>()))
			.isEqualTo(reference.aggregate(selfLookup).into(new ArrayList<>()));
		assertThat(memory.aggregate(withMaps).into(new ArrayList<>()))
			.isEqualTo(reference.aggregate(withMaps).into(new ArrayList<>()));
		// and the next plain query is not narrowed by what an aggregation left behind
		assertThat(memory.countDocuments()).isEqualTo(5_000);
		assertThat(memory.aggregate(List.of(Aggregates.count())).first().getInteger("count")).isEqualTo(5_000);
	}

	@Test
	void aConditionalUpdateByIdReadsOneDocument() {
		// the shape of every stock reservation: {$and: [{_id: x}, {stock: {$gte: n}}]}
		MongoCollection<Document> memory = collection(new IndexedMemoryBackend());
		createCatalogIndexes(memory);
		Random random = new Random(3);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			documents.add(product(i, random).append("stock", 5));
		}
		memory.insertMany(documents);
		Bson byIdWithStock = Filters.and(Filters.eq("_id", "p-00042"), Filters.gte("stock", 1));

		long before = IndexedQueries.documentsRead.sum();
		assertThat(memory.updateOne(byIdWithStock, Updates.inc("stock", -1)).getModifiedCount()).isEqualTo(1);
		assertThat(IndexedQueries.documentsRead.sum() - before).isEqualTo(1);
		assertThat(memory.find(Filters.eq("_id", "p-00042")).first().getInteger("stock")).isEqualTo(4);
		assertThat(memory
			.updateOne(Filters.and(Filters.eq("_id", "p-00042"), Filters.gte("stock", 5)), Updates.inc("stock", -1))
			.getModifiedCount()).isZero();
	}

	private static void assertSameAnswers(MongoCollection<Document> reference, List<MongoCollection<Document>> others,
			Random random, int queries) {
		for (int i = 0; i < queries; i++) {
			Bson filter = randomFilter(random);
			Bson sort = randomSort(random);
			int skip = random.nextInt(4) == 0 ? random.nextInt(10) : 0;
			int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(30);
			List<String> expected = ids(reference, filter, sort, skip, limit);
			List<Document> expectedFacets = facets(reference, filter);
			for (MongoCollection<Document> other : others) {
				assertThat(facets(other, filter)).as("facets of %s", filter).isEqualTo(expectedFacets);
				List<String> actual = ids(other, filter, sort, skip, limit);
				if (sort == null) {
					// no order asked for: the same set
					assertThat(actual).as("%s", filter).containsExactlyInAnyOrderElementsOf(expected);
				}
				else {
					assertThat(actual).as("%s sorted %s skip %d limit %d", filter, sort, skip, limit)
						.isEqualTo(expected);
				}
			}
		}
	}

	/** The catalog's facets pipeline (MongoCatalog.facets), fully sorted. */
	private static List<Document> facets(MongoCollection<Document> collection, Bson filter) {
		return collection
			.aggregate(List.of(Aggregates.match(filter), Aggregates.unwind("$attrs"),
					Aggregates.group(new Document("k", "$attrs.k").append("v", "$attrs.v"),
							Accumulators.sum("count", 1)),
					Aggregates.sort(Sorts.orderBy(Sorts.descending("count"), Sorts.ascending("_id.k", "_id.v")))))
			.into(new ArrayList<>());
	}

	private static List<String> ids(MongoCollection<Document> collection, Bson filter, Bson sort, int skip, int limit) {
		// without a sort, a limit picks arbitrary documents: only sorted queries limit
		var find = collection.find(filter);
		if (sort != null) {
			find = find.sort(sort).skip(skip).limit(limit);
		}
		List<String> ids = new ArrayList<>();
		find.forEach((d) -> ids.add(d.getString("_id")));
		return ids;
	}

	private static Bson randomFilter(Random random) {
		List<Bson> parts = new ArrayList<>();
		if (random.nextInt(4) != 0) {
			parts.add(Filters.eq("category", CATEGORIES[random.nextInt(CATEGORIES.length)]));
		}
		int price = random.nextInt(100_000);
		switch (random.nextInt(6)) {
			case 0 -> parts.add(Filters.gte("priceCents", price));
			case 1 -> parts.add(Filters.lt("priceCents", price));
			case 2 ->
				parts.add(Filters.and(Filters.gt("priceCents", price), Filters.lte("priceCents", price + 20_000)));
			case 3 -> parts.add(Filters.eq("priceCents", (double) (price - price % 1_000)));
			default -> {
			}
		}
		switch (random.nextInt(6)) {
			case 0 -> parts
				.add(Filters.all("terms", WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]));
			case 1 -> parts.add(Filters.eq("terms", WORDS[random.nextInt(WORDS.length)]));
			case 2 -> parts.add(Filters.gte("terms", WORDS[random.nextInt(WORDS.length)]));
			default -> {
			}
		}
		switch (random.nextInt(5)) {
			case 0 -> parts.add(Filters.elemMatch("attrs",
					Filters.and(Filters.eq("k", "pages"), Filters.gte("v", 100 + random.nextInt(800)))));
			case 1 -> parts.add(Filters.elemMatch("attrs",
					Filters.and(Filters.eq("k", "format"), Filters.eq("v", random.nextBoolean() ? "paper" : "hard"))));
			case 2 -> parts.add(Filters.and(Filters.eq("attrs.k", "pages"), Filters.eq("attrs.v", "paper")));
			case 3 -> parts.add(Filters.and(Filters.eq("attrs.k", "format"), Filters.lte("attrs.v", 300)));
			default -> {
			}
		}
		if (random.nextInt(8) == 0) {
			parts.add(Filters.or(Filters.lt("priceCents", price), Filters.eq("nameKey", "name 00042")));
		}
		if (random.nextInt(10) == 0) {
			parts.add(Filters.gt("nameKey", "name 0" + random.nextInt(10)));
		}
		if (random.nextInt(8) == 0) {
			parts.add(Filters.eq("_id", String.format("p-%05d", random.nextInt(1_600))));
		}
		return parts.isEmpty() ? new Document() : Filters.and(parts);
	}

	private static Bson randomSort(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> null;
			case 1 -> Sorts.ascending("priceCents", "_id");
			case 2 -> Sorts.descending("priceCents", "_id");
			case 3 -> Sorts.ascending("nameKey", "_id");
			case 4 -> Sorts.descending("nameKey", "_id");
			default -> Sorts.ascending("_id");
		};
	}

	/** A product shaped like the catalog's documents, with the edge cases mixed in. */
	private static Document product(int i, Random random) {
		Document document = new Document("_id", String.format("p-%05d", i))
			.append("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
			.append("nameKey", String.format("name %05d", random.nextInt(2_000)));
		switch (random.nextInt(10)) {
			case 0 -> {
				// no price at all
			}
			case 1 -> document.append("priceCents", (double) random.nextInt(100_000));
			case 2 -> document.append("priceCents", random.nextInt(100_000));
			default -> document.append("priceCents", (long) random.nextInt(100_000));
		}
		List<String> terms = new ArrayList<>();
		for (int t = random.nextInt(4); t > 0; t--) {
			terms.add(WORDS[random.nextInt(WORDS.length)]);
		}
		if (random.nextInt(10) != 0) {
			document.append("terms", terms);
		}
		List<Document> attrs = new ArrayList<>();
		if (random.nextInt(5) != 0) {
			attrs.add(new Document("k", "pages").append("v", (long) (50 + random.nextInt(900))));
		}
		if (random.nextInt(5) != 0) {
			attrs.add(new Document("k", "format").append("v", random.nextBoolean() ? "paper" : "hard"));
		}
		document.append("attrs", attrs);
		return document;
	}

	/** The index set of the catalog adapter (CatalogIndexes). */
	private static void createCatalogIndexes(MongoCollection<Document> products) {
		products.createIndexes(List.of(
				new IndexModel(Indexes.ascending("sku"),
						new IndexOptions().name("sku_unique").unique(true).sparse(true)),
				new IndexModel(Indexes.ascending("category", "nameKey", "_id"),
						new IndexOptions().name("category_name_id")),
				new IndexModel(Indexes.ascending("category", "priceCents", "_id"),
						new IndexOptions().name("category_price_id")),
				new IndexModel(Indexes.ascending("nameKey", "_id"), new IndexOptions().name("name_id")),
				new IndexModel(Indexes.ascending("priceCents", "_id"), new IndexOptions().name("price_id")),
				new IndexModel(Indexes.ascending("terms"), new IndexOptions().name("terms")),
				new IndexModel(Indexes.ascending("category", "attrs.k", "attrs.v"),
						new IndexOptions().name("category_attrs"))));
	}

	private MongoCollection<Document> collection(AbstractMongoBackend backend) {
		MongoServer server = new MongoServer(backend);
		this.servers.add(server);
		MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
		this.clients.add(client);
		return client.getDatabase("catalog").getCollection("products");
	}

	private static String hostAndPort(java.net.InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
