package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.CatalogImport;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Facets;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The catalog and its stock in MongoDB: collection {@code categories} (one document per
 * category, the code as {@code _id}) and collection {@code products} (one document per
 * product, see {@link ProductDocuments}).
 * <p>
 * Stock for orders is changed by {@link MongoStock} on the same documents, one atomic
 * conditional update each. Those changes do not bump {@code version}, which counts
 * administrator edits only, so an order never makes an administrator's edit stale; an
 * edit in turn applies its stock change as {@code $inc} on {@code stock} and
 * {@code received}, so it never undoes a reservation made meanwhile.
 */
class MongoCatalog implements Catalog, CatalogImport {

	static final String CATEGORIES = "categories";

	static final String PRODUCTS = "products";

	private final MongoCollection<Document> categories;

	private final MongoCollection<Document> products;

	private final CatalogIndexes indexes;

	MongoCatalog(MongoDatabase database) {
		this.categories = database.getCollection(CATEGORIES);
		this.products = database.getCollection(PRODUCTS);
		this.indexes = new CatalogIndexes(this.products);
	}

	/** Creates the indexes now if they are not yet; see {@link CatalogIndexes}. */
	void ensureIndexes() {
		this.indexes.ensure();
	}

	@Override
	public List<Category> categories() {
		return MongoCalls.call(() -> {
			List<Category> all = new ArrayList<>();
			for (Document document : this.categories.find().sort(new Document("_id", 1))) {
				all.add(CategoryDocuments.toCategory(document));
			}
			return all;
		});
	}

	@Override
	public Optional<Category> category(CategoryCode code) {
		return MongoCalls.call(() -> Optional.ofNullable(this.categories.find(Filters.eq("_id", code.value())).first())
			.map(CategoryDocuments::toCategory));
	}

	@Override
	public boolean putCategory(Category category) {
		Document document = new Document("_id", category.code().value());
		document.putAll(CategoryDocuments.fields(category));
		return MongoCalls.call(() -> {
			UpdateResult result = this.categories.replaceOne(Filters.eq("_id", category.code().value()), document,
					new ReplaceOptions().upsert(true));
			return result.getMatchedCount() == 0;
		});
	}

	@Override
	public boolean addCategoryIfAbsent(Category category) {
		return MongoCalls.call(() -> {
			try {
				UpdateResult result = this.categories.updateOne(Filters.eq("_id", category.code().value()),
						new Document("$setOnInsert", CategoryDocuments.fields(category)),
						new UpdateOptions().upsert(true));
				return result.getMatchedCount() == 0;
			}
			catch (RuntimeException ex) {
				// another instance inserted it between our match and our insert
				if (MongoCalls.isDuplicateKey(ex)) {
					return false;
				}
				throw ex;
			}
		});
	}

	@Override
	public void add(Product product) {
		MongoCalls.run(() -> {
			this.indexes.ensure();
			try {
				this.products.insertOne(ProductDocuments.newDocument(product));
			}
			catch (RuntimeException ex) {
				if (MongoCalls.isDuplicateKey(ex)) {
					throw new ConflictException("SKU " + product.sku() + " is already taken.");
				}
				throw ex;
			}
		});
	}

	@Override
	public boolean importProduct(Product product, Stock.Level level) {
		Document document = ProductDocuments.newDocument(product);
		List<Document> holds = new ArrayList<>();
		level.holds()
			.forEach((order, quantity) -> holds
				.add(new Document("order", order.toString()).append("quantity", quantity)));
		document.append(ProductDocuments.STOCK, level.inStock())
			.append(ProductDocuments.RECEIVED, level.received())
			.append(ProductDocuments.SOLD, level.sold())
			.append(ProductDocuments.HOLDS, holds);
		return MongoCalls.call(() -> {
			this.indexes.ensure();
			try {
				this.products.insertOne(document);
				return true;
			}
			catch (RuntimeException ex) {
				if (!MongoCalls.isDuplicateKey(ex)) {
					throw ex;
				}
				// there already (a resumed move), or another product holds the SKU
				if (this.products.countDocuments(byId(product.id().value())) > 0) {
					return false;
				}
				throw new ConflictException("SKU " + product.sku() + " is already taken.");
			}
		});
	}

	@Override
	public Optional<Product> product(ProductId id) {
		return MongoCalls.call(() -> Optional.ofNullable(this.products.find(byId(id.value())).first())
			.map(ProductDocuments::toProduct));
	}

	@Override
	public Product update(Product product, long expectedVersion, int stockChange) {
		return MongoCalls.call(() -> {
			this.indexes.ensure();
			List<Bson> conditions = new ArrayList<>(
					List.of(byId(product.id().value()), Filters.eq(ProductDocuments.VERSION, expectedVersion)));
			if (stockChange < 0) {
				conditions.add(Filters.gte(ProductDocuments.STOCK, (long) -stockChange));
			}
			Bson update = Updates.combine(new Document("$set", ProductDocuments.catalogFields(product)),
					Updates.inc(ProductDocuments.VERSION, 1L), Updates.inc(ProductDocuments.STOCK, (long) stockChange),
					Updates.inc(ProductDocuments.RECEIVED, (long) stockChange));
			Document updated;
			try {
				updated = this.products.findOneAndUpdate(Filters.and(conditions), update,
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
			}
			catch (RuntimeException ex) {
				if (MongoCalls.isDuplicateKey(ex)) {
					throw new ConflictException("SKU " + product.sku() + " is already taken.");
				}
				throw ex;
			}
			if (updated != null) {
				return ProductDocuments.toProduct(updated);
			}
			Document current = this.products.find(byId(product.id().value())).first();
			if (current == null) {
				throw new NotFoundException("No product " + product.id() + ".");
			}
			if (ProductDocuments.number(current, ProductDocuments.VERSION).longValue() != expectedVersion) {
				throw new ConflictException("Product " + product.id() + " was changed meanwhile (now at version "
						+ current.get(ProductDocuments.VERSION) + "); read it again.");
			}
			throw new ConflictException("Product " + product.id() + " has only " + current.get(ProductDocuments.STOCK)
					+ " units left; the stock cannot go below zero.");
		});
	}

	@Override
	public boolean remove(ProductId id) {
		return MongoCalls.call(() -> {
			// conditioned on no holds in the same operation: an order reserving meanwhile
			// either lands before (and the delete is refused) or finds no product
			Bson unheld = Filters.or(Filters.size(ProductDocuments.HOLDS, 0),
					Filters.exists(ProductDocuments.HOLDS, false));
			if (this.products.deleteOne(Filters.and(byId(id.value()), unheld)).getDeletedCount() > 0) {
				return true;
			}
			if (this.products.countDocuments(byId(id.value())) > 0) {
				throw new ConflictException("Product " + id + " has units held by open orders; it cannot be deleted "
						+ "until they are shipped or cancelled.");
			}
			return false;
		});
	}

	@Override
	public Page<Product> search(ProductQuery query, PageRequest page) {
		return MongoCalls.call(() -> {
			this.indexes.ensure();
			List<Document> found = new ArrayList<>();
			// one more than the page holds tells whether a next page exists
			this.products.find(ProductQueries.pageFilter(query, page.cursor()))
				.sort(ProductQueries.sort(query.sort()))
				.limit(page.limit() + 1)
				.into(found);
			Cursor next = null;
			if (found.size() > page.limit()) {
				found = found.subList(0, page.limit());
				next = ProductQueries.cursorAfter(found.get(found.size() - 1), query.sort());
			}
			return new Page<>(found.stream().map(ProductDocuments::toProduct).toList(), next);
		});
	}

	@Override
	public Facets facets(ProductQuery query, Category category) {
		return MongoCalls.call(() -> {
			this.indexes.ensure();
			Map<String, List<Facets.ValueCount>> counts = new LinkedHashMap<>();
			category.attributes().forEach((attribute) -> counts.put(attribute.name(), new ArrayList<>()));
			List<Bson> pipeline = List.of(Aggregates.match(ProductQueries.filter(query)),
					Aggregates.unwind("$" + ProductDocuments.ATTRS),
					Aggregates.group(new Document("k", "$attrs.k").append("v", "$attrs.v"),
							com.mongodb.client.model.Accumulators.sum("count", 1)),
					Aggregates.sort(new Document("count", -1).append("_id.k", 1).append("_id.v", 1)));
			for (Document group : this.products.aggregate(pipeline)) {
				Document key = group.get("_id", Document.class);
				List<Facets.ValueCount> values = counts.get(key.getString("k"));
				// attributes a schema change dropped are not facets any more
				if (values != null && values.size() < Facets.MAX_VALUES_PER_ATTRIBUTE) {
					Object value = key.get("v");
					values.add(new Facets.ValueCount((value instanceof Integer integer) ? integer.longValue() : value,
							ProductDocuments.number(group, "count").longValue()));
				}
			}
			return new Facets(counts);
		});
	}

	private static Bson byId(UUID id) {
		return Filters.eq(ProductDocuments.ID, id.toString());
	}

}
