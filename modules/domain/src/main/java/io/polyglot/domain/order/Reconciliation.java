package io.polyglot.domain.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.order.Orders.ProductUnits;

/**
 * Compares, per product, what the catalog holds with what the orders of record say:
 * {@code received = inStock + held + sold} inside the catalog, units held equal to the
 * units of live orders, units sold equal to the units of shipped orders. Anything else is
 * a leak, reported with the product.
 */
public final class Reconciliation {

	private final Stock stock;

	private final Orders orders;

	public Reconciliation(Stock stock, Orders orders) {
		this.stock = Objects.requireNonNull(stock, "stock");
		this.orders = Objects.requireNonNull(orders, "orders");
	}

	/** Runs the comparison over every product. */
	public Report run() {
		// orders first: an order placed between the two reads then shows up as a hold
		// without an order rather than being missed, and a re-run settles it
		Map<UUID, ProductUnits> fromOrders = new HashMap<>();
		for (ProductUnits units : this.orders.unitsPerProduct()) {
			fromOrders.put(units.productId(), units);
		}
		List<ProductReport> products = new ArrayList<>();
		for (Stock.Level level : this.stock.levels()) {
			ProductUnits units = fromOrders.getOrDefault(level.productId(), new ProductUnits(level.productId(), 0, 0));
			List<String> problems = new ArrayList<>();
			long accounted = level.inStock() + level.held() + level.sold();
			if (accounted != level.received()) {
				problems.add("received " + level.received() + " but in stock + held + sold = " + accounted);
			}
			if (level.held() != units.held()) {
				problems.add("catalog holds " + level.held() + " units, live orders hold " + units.held());
			}
			if (level.sold() != units.sold()) {
				problems.add("catalog sold " + level.sold() + " units, shipped orders " + units.sold());
			}
			if (level.inStock() < 0) {
				problems.add("negative stock " + level.inStock());
			}
			products.add(new ProductReport(level.productId(), level.received(), level.inStock(), level.held(),
					level.sold(), units.held(), units.sold(), problems));
			fromOrders.remove(level.productId());
		}
		for (ProductUnits missing : fromOrders.values()) {
			if (missing.held() > 0 || missing.sold() > 0) {
				products.add(new ProductReport(missing.productId(), 0, 0, 0, 0, missing.held(), missing.sold(),
						List.of("orders name a product the catalog does not have")));
			}
		}
		return new Report(products);
	}

	/** The outcome: clean when no product has a problem. */
	public record Report(List<ProductReport> products) {

		public boolean clean() {
			return this.products.stream().allMatch((product) -> product.problems().isEmpty());
		}

		public List<ProductReport> leaks() {
			return this.products.stream().filter((product) -> !product.problems().isEmpty()).toList();
		}

	}

	/** One product's counts from both stores and what does not add up. */
	public record ProductReport(UUID productId, long received, long inStock, long held, long sold, long heldByOrders,
			long soldByOrders, List<String> problems) {
	}

}
