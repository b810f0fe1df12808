package io.polyglot.domain.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.CustomerOrdersPlayground;
import io.polyglot.domain.demo.DemoShop;
import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.Played;

/**
 * The generated demo shop, normalized as PostgreSQL keeps it: a customer's orders are
 * computed from the shop's rules, and a product's name is held once.
 */
public final class InMemoryCustomerOrders implements CustomerOrdersPlayground {

	private final Map<String, String> renamed = new HashMap<>();

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public Played readCustomer(String email) {
		int orders = 0;
		for (int id = 1; id <= DemoShop.CUSTOMERS; id++) {
			if (DemoShop.customerEmail(id).equals(email)) {
				orders = DemoShop.ordersOf(id).size();
				break;
			}
		}
		return new Played(
				List.of(new DemoStep(store(), "read customer", Map.of("email", email), DemoStep.Outcome.OK, "", 0)),
				Map.of("orders", orders));
	}

	@Override
	public synchronized Played renameProduct(String sku, String newName) {
		boolean known = false;
		for (int product = 1; product <= DemoShop.PRODUCTS && !known; product++) {
			known = DemoShop.sku(product).equals(sku);
		}
		if (known) {
			this.renamed.put(sku, newName);
		}
		return new Played(List.of(new DemoStep(store(), "rename", Map.of("sku", sku, "name", newName),
				DemoStep.Outcome.OK, known ? "1 row updated" : "0 rows updated", 0)),
				Map.of("copiesUpdated", known ? 1 : 0));
	}

	@Override
	public synchronized void reset() {
		this.renamed.clear();
	}

}
