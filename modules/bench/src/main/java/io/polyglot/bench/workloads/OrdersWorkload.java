package io.polyglot.bench.workloads;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.polyglot.adapter.mongodb.MongoPorts;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.bench.baseline.Sql;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.catalog.AttributeDefinition;
import io.polyglot.domain.catalog.AttributeType;
import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.catalog.Category;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.order.LineRequest;
import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.PayOrder;
import io.polyglot.domain.order.PlaceOrder;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;

/**
 * Orders across two stores (the service's cross-store write): the domain's
 * {@code PlaceOrder} places an order of one or two lines from five hot products (stock
 * reserved in MongoDB, the order and its events written in PostgreSQL), and pays three
 * orders in ten. Port only: no other store answers this question, so there is no raw or
 * baseline target; the rows give the cost and the contention curve of the design.
 */
public final class OrdersWorkload implements Workload {

	@Override
	public String concern() {
		return "orders";
	}

	@Override
	public String store() {
		return "postgres";
	}

	@Override
	public Set<String> needs() {
		return Set.of("postgres", "mongodb");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		DataSource dataSource = stores.postgres();
		PostgresPorts.migrate(dataSource);
		Catalog catalog = MongoPorts.catalog(stores.mongoDatabase());
		var orders = PostgresPorts.orders(dataSource);
		var transactions = PostgresPorts.transactions(dataSource);
		var outbox = PostgresPorts.outbox(dataSource, TransfersWorkload.CONSUMERS);
		PlaceOrder placing = new PlaceOrder(orders, MongoPorts.stock(stores.mongoTemplate()), transactions, outbox,
				Clock.system(), "EUR");
		PayOrder paying = new PayOrder(orders, PostgresPorts.accounts(dataSource), transactions, outbox,
				Clock.system());
		Category category = new Category(new CategoryCode("bench-orders"), "Benchmark orders",
				List.of(new AttributeDefinition("colour", AttributeType.STRING, false, List.of())));
		catalog.putCategory(category);
		List<String> products = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Product product = new Product(ProductId.random(), "ORDER-" + UUID.randomUUID().toString().substring(0, 8),
					"Order bench product " + i, "Sold by the bench", category.code(), Money.parse("1.00", "EUR"),
					Product.MAX_STOCK, Map.of(), 0);
			catalog.add(product);
			products.add(product.id().toString());
		}
		Set<Integer> sweep = new LinkedHashSet<>(context.settings().clients());
		sweep.add(8);
		List<Integer> clients = sweep.stream().sorted().toList();
		List<CustomerId> customers = TransfersWorkload.customers(new Sql(dataSource),
				clients.stream().mapToInt(Integer::intValue).max().orElse(1) * 4);
		String label = stores.implementations().get("postgres") + " + " + stores.implementations().get("mongodb");
		context.measure(concern(), "place-and-pay", "port", label, products.size(), clients, (op) -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			CustomerId customer = customers.get(random.nextInt(customers.size()));
			int first = random.nextInt(products.size());
			List<LineRequest> lines = new ArrayList<>(
					List.of(new LineRequest(products.get(first), 1 + random.nextInt(3))));
			if (random.nextBoolean()) {
				lines.add(new LineRequest(products.get((first + 1) % products.size()), 1));
			}
			Order order = placing.place(customer, PlaceOrder.Command.parse(lines));
			if (random.nextInt(10) < 3) {
				paying.pay(customer, order.id());
			}
		});
	}

}
