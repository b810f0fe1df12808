package io.polyglot.domain.catalog;

import io.polyglot.domain.order.Stock;
import io.polyglot.domain.support.InMemoryCatalog;

/** The catalog import contract against the in-memory catalog fake. */
class InMemoryCatalogImportContractTest extends CatalogImportContract {

	private final InMemoryCatalog catalog = new InMemoryCatalog();

	@Override
	protected Catalog catalog() {
		return this.catalog;
	}

	@Override
	protected Stock stock() {
		return this.catalog;
	}

	@Override
	protected CatalogImport catalogImport() {
		return this.catalog;
	}

}
