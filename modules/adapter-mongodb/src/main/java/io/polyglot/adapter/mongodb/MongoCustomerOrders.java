package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.Played;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Demo 2 in MongoDB: each customer one document with their orders and lines embedded,
 * product names copied into every line; a rename rewrites every document that holds a
 * copy of the name.
 */
final class MongoCustomerOrders implements CustomerOrdersPlayground {

	private static final String STORE = MongoDemoDatabase.STORE;

	private static final String COLLECTION = "shop_customers";

	private final MongoDemoDatabase demo;

	MongoCustomerOrders(MongoDemoDatabase demo) {
		this.demo = demo;
	}

	@Override
	public String store() {
		return STORE;
	}

	private MongoCollection<Document> customers() {
		return this.demo.database.getCollection(COLLECTION);
	}

	private synchronized void ensureSeeded() {
		MongoCollection<Document> customers = customers();
		if (customers.countDocuments() >= DemoShop.CUSTOMERS) {
			return;
		}
		customers.drop();
		customers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		List<Document> batch = new ArrayList<>();
		for (int id = 1; id <= DemoShop.CUSTOMERS; id++) {
			batch.add(customer(id));
			if (batch.size() == 1000) {
				customers.insertMany(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			customers.insertMany(batch);
		}
	}

	private static Document customer(int id) {
		List<Document> orders = new ArrayList<>();
		for (int order : DemoShop.ordersOf(id)) {
			List<Document> lines = new ArrayList<>();
			for (int line = 0; line < DemoShop.LINES_PER_ORDER; line++) {
				int product = DemoShop.lineProduct(order, line);
				lines.add(new Document("sku", DemoShop.sku(product)).append("name", DemoShop.productName(product))
					.append("price", new Decimal128(DemoShop.price(product)))
					.append("quantity", DemoShop.quantity(order, line)));
			}
			orders.add(new Document("orderId", order).append("status", DemoShop.status(order)).append("lines", lines));
		}
		return new Document("_id", id).append("name", DemoShop.customerName(id))
			.append("email", DemoShop.customerEmail(id))
			.append("orders", orders);
	}

	@Override
	public Played readCustomer(String email) {
		return MongoCalls.call(() -> {
			ensureSeeded();
			DemoSteps steps = new DemoSteps();
			Document found = steps.run(STORE, "db." + COLLECTION + ".findOne({\"email\": ?})",
					DemoSteps.params("email", email), () -> customers().find(Filters.eq("email", email)).first(),
					MongoDemoDatabase::pretty);
			int orders = (found != null) ? found.getList("orders", Document.class).size() : 0;
			return steps.finding("documentsRead", (found != null) ? 1 : 0)
				.finding("orders", orders)
				.finding("joins", 0)
				.played();
		});
	}

	@Override
	public Played renameProduct(String sku, String newName) {
		return MongoCalls.call(() -> {
			ensureSeeded();
			DemoSteps steps = new DemoSteps();
			MongoCollection<Document> customers = customers();
			List<Document> holders = steps.run(STORE, "db." + COLLECTION + ".find({\"orders.lines.sku\": ?})",
					DemoSteps.params("sku", sku),
					() -> customers.find(Filters.eq("orders.lines.sku", sku)).into(new ArrayList<>()),
					(docs) -> docs.size() + " documents hold a copy of the product's name");
			long start = System.nanoTime();
			int written = 0;
			long disagreeing = 0;
			double midwayAt = 0;
			for (Document holder : holders) {
				for (Document order : holder.getList("orders", Document.class)) {
					for (Document line : order.getList("lines", Document.class)) {
						if (sku.equals(line.getString("sku"))) {
							line.put("name", newName);
						}
					}
				}
				customers.replaceOne(Filters.eq("_id", holder.get("_id")), holder);
				written++;
				if (written == holders.size() / 2) {
					long midway = System.nanoTime();
					disagreeing = customers.countDocuments(
							Filters.and(Filters.eq("orders.lines.sku", sku), Filters.ne("orders.lines.name", newName)));
					midwayAt = DemoSteps.millisSince(start);
					steps.add(STORE,
							"db." + COLLECTION + ".countDocuments({\"orders.lines.sku\": ?, "
									+ "\"orders.lines.name\": {$ne: ?}})",
							DemoSteps.params("sku", sku, "name", newName),
							"half-way through the rename " + disagreeing + " of " + holders.size()
									+ " documents still show the old name: copies disagree",
							DemoSteps.millisSince(midway));
				}
			}
			double window = DemoSteps.millisSince(start);
			steps.add(STORE,
					"db." + COLLECTION + ".replaceOne({\"_id\": ?}, <the document with every copy renamed>)"
							+ "  — once per document",
					DemoSteps.params("documents", written, "name", newName),
					written + " documents rewritten one by one; old and new names coexisted for " + window + " ms",
					window);
			return steps.finding("copiesUpdated", written)
				.finding("windowMillis", window)
				.finding("disagreeingMidway", disagreeing)
				.finding("midwayAtMillis", midwayAt)
				.played();
		});
	}

	@Override
	public void reset() {
		MongoCalls.run(() -> customers().drop());
	}

}
