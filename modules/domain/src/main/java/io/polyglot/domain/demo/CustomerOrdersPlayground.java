package io.polyglot.domain.demo;

/**
 * Port of demo 2: one customer with their orders, normalized (read with a JOIN) or
 * embedded in one document; and the cost of renaming a product whose name is copied.
 */
public interface CustomerOrdersPlayground extends DemoData {

	/** Reads the customer with every order and order line. */
	Played readCustomer(String email);

	/**
	 * Renames the product; findings {@code copiesUpdated} (rows or documents written),
	 * {@code windowMillis} (how long old and new names coexisted) and
	 * {@code disagreeingMidway} (documents still showing the old name half-way).
	 */
	Played renameProduct(String sku, String newName);

}
