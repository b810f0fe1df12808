package io.polyglot.domain.catalog;

import io.polyglot.domain.order.Stock;
import io.polyglot.domain.support.InMemoryCatalog;

/** The catalog contract against the in-memory fake the catalog use-case tests use. */
class InMemoryCatalogContractTest extends CatalogContract {

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected Stock stock() {
		return this.catalog;
	}

}
