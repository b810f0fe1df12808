package io.polyglot.domain.demo;

/**
 * Port of demo 1: writes the same customers and orders, good and bad rows alike (a
 * duplicate id, a duplicate email, an orphan order, a negative total), and reports which
 * ones the store refused.
 */
public interface IntegrityPlayground extends DemoData {

	/**
	 * Starts from empty demo tables or collections and tries the rows of
	 * {@link DemoShop#INTEGRITY_ATTEMPTS}; findings {@code accepted} and {@code refused}.
	 */
	Played tryRows();

}
