package io.polyglot.domain.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo shop both demo 1 and demo 2 write, described once so that PostgreSQL and
 * MongoDB hold exactly the same customers, orders and lines: the seed lessons' "Ana
 * López" among a few thousand generated customers.
 */
public final class DemoShop {

	/** Generated customers (ids 1..CUSTOMERS). */
	public static final int CUSTOMERS = 5_000;

	/** Orders per customer: order ids {@code c} and {@code c + CUSTOMERS}. */
	public static final int ORDERS_PER_CUSTOMER = 2;

	/** Lines per order. */
	public static final int LINES_PER_ORDER = 2;

	/** Products P-001..P-050. */
	public static final int PRODUCTS = 50;

	/** The customer the demos read. */
	public static final int ANA_ID = 1042;

	public static final String ANA_NAME = "Ana López";

	public static final String ANA_EMAIL = "ana.lopez@example.com";

	/** The product of Ana's first order line: the one demo 2 renames. */
	public static final String RENAMED_SKU = sku(lineProduct(ANA_ID, 0));

	private DemoShop() {
	}

	public static String customerName(int id) {
		return (id == ANA_ID) ? ANA_NAME : "Customer " + id;
	}

	public static String customerEmail(int id) {
		return (id == ANA_ID) ? ANA_EMAIL : "customer" + id + "@example.com";
	}

	/** The order ids of one customer. */
	public static List<Integer> ordersOf(int customer) {
		List<Integer> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
			orders.add(customer + i * CUSTOMERS);
		}
		return orders;
	}

	public static String status(int order) {
		return (order % 3 == 0) ? "SHIPPED" : "PENDING";
	}

	/** The product number (1..PRODUCTS) of line {@code line} of an order. */
	public static int lineProduct(int order, int line) {
		return (order * 7 + line) % PRODUCTS + 1;
	}

	public static int quantity(int order, int line) {
		return 1 + (order + line) % 3;
	}

	public static String sku(int product) {
		return String.format("P-%03d", product);
	}

	public static String productName(int product) {
		return "Product " + product;
	}

	public static BigDecimal price(int product) {
		return BigDecimal.valueOf(product * 150L + 99, 2);
	}

	/** One row or document the integrity demo tries, and whether it breaks a rule. */
	public record Attempt(String kind, int id, String name, String email, int customerId, BigDecimal total,
			String rule) {

		public boolean isCustomer() {
			return this.kind.equals("customer");
		}

		public boolean bad() {
			return !this.rule.isEmpty();
		}

	}

	/** Demo 1's rows, in order: two good ones, then one per rule. */
	public static final List<Attempt> INTEGRITY_ATTEMPTS = List.of(
			new Attempt("customer", ANA_ID, ANA_NAME, ANA_EMAIL, 0, BigDecimal.ZERO, ""),
			new Attempt("order", 5001, "", "", ANA_ID, new BigDecimal("49.90"), ""),
			new Attempt("customer", ANA_ID, "Ana Again", "ana.again@example.com", 0, BigDecimal.ZERO,
					"duplicate primary key"),
			new Attempt("customer", 1043, "Ana Copy", ANA_EMAIL, 0, BigDecimal.ZERO, "duplicate email (UNIQUE)"),
			new Attempt("order", 5002, "", "", 9999, new BigDecimal("12.50"), "orphan order (FOREIGN KEY)"),
			new Attempt("order", 5003, "", "", ANA_ID, new BigDecimal("-5.00"), "negative total (CHECK)"));

}
