package io.polyglot.adapter.mongodb;

import java.util.Map;

import com.mongodb.client.MongoCollection;
import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.IntegrityPlayground;
import io.polyglot.domain.demo.Played;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Demo 1 in MongoDB: the same customers and orders as documents, with nothing but the
 * built-in unique {@code _id}; the order's {@code customerId} is a reference nobody
 * checks at all.
 */
final class MongoIntegrityPlayground implements IntegrityPlayground {

	private static final String STORE = MongoDemoDatabase.STORE;

	private final MongoDemoDatabase demo;

	MongoIntegrityPlayground(MongoDemoDatabase demo) {
		this.demo = demo;
	}

	@Override
	public String store() {
		return STORE;
	}

	@Override
	public Played tryRows() {
		return MongoCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			MongoCollection<Document> customers = this.demo.database.getCollection("customers");
			MongoCollection<Document> orders = this.demo.database.getCollection("orders");
			steps.run(STORE, "db.customers.deleteMany({}); db.orders.deleteMany({})", Map.of(), () -> {
				customers.deleteMany(new Document());
				orders.deleteMany(new Document());
				return null;
			}, (none) -> "collections emptied (no schema, no foreign keys, no unique index but _id)");
			int accepted = 0;
			int badRefused = 0;
			for (DemoShop.Attempt attempt : DemoShop.INTEGRITY_ATTEMPTS) {
				Document document = attempt.isCustomer()
						? new Document("_id", attempt.id()).append("name", attempt.name())
							.append("email", attempt.email())
						: new Document("_id", attempt.id()).append("customerId", attempt.customerId())
							.append("total", new Decimal128(attempt.total()))
							.append("status", "PENDING");
				MongoCollection<Document> collection = attempt.isCustomer() ? customers : orders;
				String name = attempt.isCustomer() ? "customers" : "orders";
				boolean ok = steps.attempt(STORE, "db." + name + ".insertOne(" + MongoDemoDatabase.json(document) + ")",
						Map.of(), () -> {
							collection.insertOne(document);
							return "acknowledged"
									+ (attempt.bad() ? " — accepted although it is a " + attempt.rule() : "");
						}, MongoDemoDatabase::refusal);
				accepted += ok ? 1 : 0;
				badRefused += (!ok && attempt.bad()) ? 1 : 0;
			}
			long customerCount = steps.run(STORE, "db.customers.countDocuments({})", Map.of(),
					customers::countDocuments, (n) -> n + " customers");
			long orderCount = steps.run(STORE, "db.orders.countDocuments({})", Map.of(), orders::countDocuments,
					(n) -> n + " orders");
			long orphans = steps
				.run(STORE,
						"db.orders.aggregate([{$lookup: {from: \"customers\", localField: \"customerId\", "
								+ "foreignField: \"_id\", as: \"customer\"}}, {$match: {customer: {$size: 0}}}])",
						Map.of(),
						() -> orders
							.aggregate(java.util.List.of(
									new Document("$lookup",
											new Document("from", "customers").append("localField", "customerId")
												.append("foreignField", "_id")
												.append("as", "customer")),
									new Document("$match", new Document("customer", new Document("$size", 0)))))
							.into(new java.util.ArrayList<>())
							.size(),
						(n) -> n + " orphan order(s): the reader has to find them, the store never refused them");
			long bad = DemoShop.INTEGRITY_ATTEMPTS.stream().filter(DemoShop.Attempt::bad).count();
			return steps.finding("accepted", accepted)
				.finding("refused", DemoShop.INTEGRITY_ATTEMPTS.size() - accepted)
				.finding("badRowsRefused", badRefused)
				.finding("badRowsAccepted", bad - badRefused)
				.finding("customers", customerCount)
				.finding("orders", orderCount)
				.finding("orphanOrders", orphans)
				.played();
		});
	}

	@Override
	public void reset() {
		MongoCalls.run(() -> {
			this.demo.database.getCollection("customers").drop();
			this.demo.database.getCollection("orders").drop();
		});
	}

}
