package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.polyglot.domain.order.Stock;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Stock as orders use it, on the catalog's product documents. Every change is one atomic
 * conditional update of one document, and idempotent per order: a reservation pushes a
 * hold {@code {order, quantity}} only if the order has none yet and enough units are in
 * stock; release and sale pull that hold only if it is there. So a retry or a redelivered
 * event never moves stock twice, and no read-modify-write race exists.
 */
final class MongoStock implements Stock {

	private final MongoTemplate mongo;

	private final String collection;

	private final WriteConcern writeConcern;

	MongoStock(MongoTemplate mongo, String collection) {
		this(mongo, collection, WriteConcern.MAJORITY);
	}

	/**
	 * @param writeConcern what a stock change waits for before it counts: on a replica
	 * set, {@code majority} keeps an acknowledged reservation across a failover
	 */
	MongoStock(MongoTemplate mongo, String collection, WriteConcern writeConcern) {
		this.mongo = mongo;
		this.collection = collection;
		this.writeConcern = writeConcern;
	}

	/** The write concern stock changes use. */
	WriteConcern writeConcern() {
		return this.writeConcern;
	}

	/**
	 * A write concern from its property text: {@code majority} or a number of members.
	 */
	static WriteConcern writeConcern(String text) {
		String value = text.strip();
		if (value.equalsIgnoreCase("majority")) {
			return WriteConcern.MAJORITY;
		}
		try {
			int members = Integer.parseInt(value);
			if (members >= 1) {
				return new WriteConcern(members);
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the accepted forms
		}
		throw new IllegalArgumentException(
				"polyglot.catalog.stock-write-concern must be 'majority' or a number of members >= 1, was '" + text
						+ "'");
	}

	@Override
	public Map<UUID, Orderable> orderables(Collection<UUID> productIds) {
		List<String> ids = productIds.stream().map(UUID::toString).distinct().toList();
		return MongoCalls.call(() -> {
			// one round trip for the whole order, not one per line
			Map<UUID, Orderable> found = new LinkedHashMap<>();
			for (Document product : products().find(Filters.in("_id", ids))
				.projection(Projections.include(ProductDocuments.NAME, ProductDocuments.PRICE_CENTS,
						ProductDocuments.CURRENCY))) {
				UUID id = UUID.fromString(product.getString("_id"));
				found.put(id,
						new Orderable(id, product.getString(ProductDocuments.NAME), ProductDocuments.money(product)));
			}
			return found;
		});
	}

	@Override
	public boolean reserve(UUID productId, UUID orderId, int quantity) {
		String order = orderId.toString();
		return MongoCalls.call(() -> {
			Bson filter = Filters.and(Filters.eq("_id", productId.toString()), Filters.gte("stock", quantity),
					Filters.ne("holds.order", order));
			UpdateResult result = products().updateOne(filter, Updates.combine(Updates.inc("stock", -quantity),
					Updates.push("holds", new Document("order", order).append("quantity", quantity))));
			if (result.getModifiedCount() == 1) {
				return true;
			}
			// nothing changed: either short of stock, or this order already holds units
			// (a retry), which counts as reserved
			return products().countDocuments(
					Filters.and(Filters.eq("_id", productId.toString()), Filters.eq("holds.order", order))) > 0;
		});
	}

	@Override
	public void release(UUID productId, UUID orderId) {
		moveHold(productId, orderId, "stock");
	}

	@Override
	public void sell(UUID productId, UUID orderId) {
		moveHold(productId, orderId, "sold");
	}

	@Override
	public List<Level> levels() {
		return MongoCalls.call(() -> {
			List<Level> levels = new ArrayList<>();
			for (Document product : products().find()
				.projection(Projections.include("stock", "received", "sold", "holds"))) {
				Map<UUID, Integer> holds = new LinkedHashMap<>();
				List<Document> held = product.getList("holds", Document.class, List.of());
				for (Document hold : held) {
					holds.merge(UUID.fromString(hold.getString("order")), (int) number(hold.get("quantity")),
							Integer::sum);
				}
				levels.add(new Level(UUID.fromString(product.getString("_id")), number(product.get("received")),
						number(product.get("stock")), number(product.get("sold")), holds));
			}
			return levels;
		});
	}

	/**
	 * Pulls the order's hold and adds its quantity to {@code target} (stock or sold).
	 * Done as read-the-hold then one update conditioned on exactly that hold still being
	 * there, so a concurrent second release matches nothing and changes nothing.
	 */
	private void moveHold(UUID productId, UUID orderId, String target) {
		String order = orderId.toString();
		MongoCalls.call(() -> {
			Document product = products()
				.find(Filters.and(Filters.eq("_id", productId.toString()), Filters.eq("holds.order", order)))
				.projection(Projections.elemMatch("holds", Filters.eq("order", order)))
				.first();
			if (product == null) {
				return null;
			}
			Document hold = product.getList("holds", Document.class).get(0);
			int quantity = (int) number(hold.get("quantity"));
			products().updateOne(
					Filters.and(Filters.eq("_id", productId.toString()),
							Filters.elemMatch("holds",
									Filters.and(Filters.eq("order", order), Filters.eq("quantity", quantity)))),
					Updates.combine(Updates.inc(target, quantity),
							Updates.pull("holds", new Document("order", order))));
			return null;
		});
	}

	private MongoCollection<Document> products() {
		return this.mongo.getCollection(this.collection).withWriteConcern(this.writeConcern);
	}

	private static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

}
