package io.polyglot.bench.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.polyglot.bench.baseline.PostgresCustomerOrders;
import io.polyglot.bench.baseline.Sql;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.stores.Stores;
import org.bson.Document;

/**
 * Embedded document vs JOIN (the seed's customer-with-orders example): read a customer
 * with their five orders of three lines as one MongoDB document with the orders (and each
 * line's product name) embedded, and as a PostgreSQL JOIN over normalized tables; then
 * rename a product whose name is copied into N customer documents (N = 10, 100, 1,000),
 * which costs MongoDB N document updates and PostgreSQL one row. Neither is a port of the
 * service (it keeps orders in PostgreSQL), so the targets are raw MongoDB and the
 * PostgreSQL baseline.
 */
public final class DocumentVsJoinWorkload implements Workload {

	private static final int ORDERS = 5;

	private static final int LINES = 3;

	@Override
	public String concern() {
		return "documents";
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
		MongoCollection<Document> customers = stores.mongoDatabase().getCollection("doc_customers");
		customers.drop();
		// the field a rename finds its documents by (a multikey index on genuine MongoDB;
		// the stand-in ignores it and scans)
		customers.createIndex(Indexes.ascending("orders.lines.productId"));
		PostgresCustomerOrders pg = new PostgresCustomerOrders(new Sql(stores.postgres())).createSchema();
		String mongoLabel = stores.implementations().get("mongodb");
		String pgLabel = stores.implementations().get("postgres");
		long size = context.settings().sizesOr(List.of(2_000L), List.of(10_000L, 100_000L)).get(0);
		List<Integer> copies = new ArrayList<>(List.of(10, 100, 1_000));
		copies.removeIf((n) -> n > size);
		Random random = new Random(7);
		List<UUID> products = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			products.add(new UUID(random.nextLong(), random.nextLong()));
			names.add("Product " + i);
		}
		// "hot" products: hot product h is on the first line of order h of the first
		// copies[h] customers, so renaming it touches exactly that many documents
		List<UUID> hot = new ArrayList<>();
		for (int n : copies) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			hot.add(id);
			products.add(id);
			names.add("Hot product in " + n);
		}
		context.progress().message("documents: loading " + size + " customers with " + ORDERS + " orders each");
		Sql sql = pg.sql();
		sql.update("INSERT INTO doc_products SELECT * FROM unnest(?::uuid[], ?::text[])",
				products.stream().map(UUID::toString).toArray(String[]::new), names.toArray(String[]::new));
		List<UUID> ids = new ArrayList<>();
		List<Document> documents = new ArrayList<>();
		List<String[]> orderRows = new ArrayList<>();
		List<String[]> lineRows = new ArrayList<>();
		for (int c = 0; c < size; c++) {
			UUID customer = new UUID(random.nextLong(), random.nextLong());
			ids.add(customer);
			List<Document> orders = new ArrayList<>();
			for (int o = 0; o < ORDERS; o++) {
				UUID order = new UUID(random.nextLong(), random.nextLong());
				orderRows.add(new String[] { order.toString(), customer.toString(), Integer.toString(o) });
				List<Document> lines = new ArrayList<>();
				for (int l = 0; l < LINES; l++) {
					int product = random.nextInt(1_000);
					if (l == 0 && o < copies.size() && c < copies.get(o)) {
						product = 1_000 + o;
					}
					int quantity = 1 + random.nextInt(5);
					long price = 100 + random.nextInt(10_000);
					lines.add(new Document("line", l).append("productId", products.get(product).toString())
						.append("productName", names.get(product))
						.append("quantity", quantity)
						.append("priceCents", price));
					lineRows.add(new String[] { order.toString(), Integer.toString(l), products.get(product).toString(),
							Integer.toString(quantity), Long.toString(price) });
				}
				orders.add(new Document("id", order.toString()).append("seq", o).append("lines", lines));
			}
			documents.add(new Document("_id", customer.toString()).append("name", "Customer " + c)
				.append("email", "customer" + c + "@example.com")
				.append("orders", orders));
			if (documents.size() == 1_000 || c == size - 1) {
				customers.insertMany(documents);
				documents.clear();
			}
		}
		sql.update(
				"INSERT INTO doc_customers SELECT id::uuid, 'Customer ' || (n - 1), 'customer' || (n - 1) || "
						+ "'@example.com' FROM unnest(?::text[]) WITH ORDINALITY AS u(id, n)",
				(Object) ids.stream().map(UUID::toString).toArray(String[]::new));
		for (int from = 0; from < orderRows.size(); from += 10_000) {
			List<String[]> chunk = orderRows.subList(from, Math.min(orderRows.size(), from + 10_000));
			sql.update("INSERT INTO doc_orders SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[])", column(chunk, 0),
					column(chunk, 1), column(chunk, 2));
		}
		for (int from = 0; from < lineRows.size(); from += 10_000) {
			List<String[]> chunk = lineRows.subList(from, Math.min(lineRows.size(), from + 10_000));
			sql.update(
					"INSERT INTO doc_lines SELECT * FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::int[], ?::bigint[])",
					column(chunk, 0), column(chunk, 1), column(chunk, 2), column(chunk, 3), column(chunk, 4));
		}
		sql.execute("ANALYZE doc_customers", "ANALYZE doc_orders", "ANALYZE doc_lines", "ANALYZE doc_products");
		int n = ids.size();

		Renamer renamer = renamer(context, customers);
		context.check("customer-with-orders",
				Equivalence.targets("raw", (Equivalence.Answer) (i) -> flatten(customers, ids.get((i * 7919) % n)),
						"baseline", (Equivalence.Answer) (i) -> pg.customerWithOrders(ids.get((i * 7919) % n))));
		context.measure(concern(), "customer-with-orders", "raw", mongoLabel, size,
				(op) -> customers.find(Filters.eq("_id", ids.get((int) ((op * 7919) % n)).toString())).first());
		context.measure(concern(), "customer-with-orders", "baseline", pgLabel, size,
				(op) -> pg.customerWithOrders(ids.get((int) ((op * 7919) % n))));
		for (int h = 0; h < copies.size(); h++) {
			UUID product = hot.get(h);
			int copiesOf = copies.get(h);
			// a rename must reach every copy, and the JOIN sees it at once
			renamer.rename(product, "Renamed " + copiesOf);
			pg.rename(product, "Renamed " + copiesOf);
			context.check("rename-in-" + copiesOf,
					Equivalence.targets("raw", (Equivalence.Answer) (i) -> flatten(customers, ids.get(i % copiesOf)),
							"baseline", (Equivalence.Answer) (i) -> pg.customerWithOrders(ids.get(i % copiesOf))));
			context.measure(concern(), "rename-in-" + copiesOf, "raw", mongoLabel, copiesOf,
					(op) -> renamer.rename(product, "Renamed " + op));
			context.measure(concern(), "rename-in-" + copiesOf, "baseline", pgLabel, copiesOf,
					(op) -> pg.rename(product, "Renamed " + op));
			// each target renamed as often as it could in its run: one last rename to the
			// same name leaves both stores holding the same data for the next check
			renamer.rename(product, "Renamed " + copiesOf);
			pg.rename(product, "Renamed " + copiesOf);
		}
	}

	private static String[] column(List<String[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toArray(String[]::new);
	}

	/** The document in the JOIN's row order and shape. */
	private static String flatten(MongoCollection<Document> customers, UUID id) {
		Document customer = customers.find(Filters.eq("_id", id.toString())).first();
		if (customer == null) {
			return "";
		}
		List<String> rows = new ArrayList<>();
		for (Document order : customer.getList("orders", Document.class)) {
			for (Document line : order.getList("lines", Document.class)) {
				rows.add(customer.getString("name") + "|" + customer.getString("email") + "|" + order.getString("id")
						+ "|" + line.getString("productName") + "|" + line.getInteger("quantity") + "|"
						+ ((Number) line.get("priceCents")).longValue());
			}
		}
		return String.join(";", rows);
	}

	/** How a rename reaches every copy of the name. */
	private interface Renamer {

		void rename(UUID product, String name);

	}

	/**
	 * One {@code updateMany} with array filters where the server supports them; otherwise
	 * (found out on the first rename) read, change and replace each document holding the
	 * product. The equivalence check after the first rename catches a server that accepts
	 * the filters but does not apply them.
	 */
	private static Renamer renamer(BenchContext context, MongoCollection<Document> customers) {
		Renamer arrayFilters = (product, name) -> customers.updateMany(
				Filters.eq("orders.lines.productId", product.toString()),
				Updates.set("orders.$[].lines.$[line].productName", name),
				new UpdateOptions().arrayFilters(List.of(Filters.eq("line.productId", product.toString()))));
		Renamer replace = (product, name) -> {
			for (Document customer : customers.find(Filters.eq("orders.lines.productId", product.toString()))) {
				for (Document order : customer.getList("orders", Document.class)) {
					for (Document line : order.getList("lines", Document.class)) {
						if (product.toString().equals(line.getString("productId"))) {
							line.put("productName", name);
						}
					}
				}
				customers.replaceOne(Filters.eq("_id", customer.get("_id")), customer);
			}
		};
		Renamer[] chosen = new Renamer[1];
		return (product, name) -> {
			if (chosen[0] == null) {
				try {
					arrayFilters.rename(product, name);
					chosen[0] = arrayFilters;
					context.note("documents: renames use one updateMany with array filters");
					return;
				}
				catch (RuntimeException ex) {
					chosen[0] = replace;
					context.note("documents: the MongoDB server refused array filters (" + ex.getMessage()
							+ "); renames read, change and replace each document instead");
				}
			}
			chosen[0].rename(product, name);
		};
	}

}
