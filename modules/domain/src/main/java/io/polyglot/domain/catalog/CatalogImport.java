package io.polyglot.domain.catalog;

import io.polyglot.domain.order.Stock;

/**
 * Writes products exactly as another catalog holds them, for moving the catalog between
 * stores: the id, the version and every stock count (received, in stock, sold and each
 * order's hold) are kept, so orders and reconciliation carry on unchanged after the move.
 */
public interface CatalogImport {

	/**
	 * Stores the product with its counts unless the catalog already has its id.
	 * @return true when stored now, false when it was there already (a resumed move)
	 */
	boolean importProduct(Product product, Stock.Level level);

}
