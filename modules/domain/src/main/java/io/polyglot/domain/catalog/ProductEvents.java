package io.polyglot.domain.catalog;

import io.polyglot.domain.catalog.CatalogEvent.ProductCreated;
import io.polyglot.domain.catalog.CatalogEvent.ProductDeleted;
import io.polyglot.domain.catalog.CatalogEvent.ProductSnapshot;
import io.polyglot.domain.catalog.CatalogEvent.ProductUpdated;
import io.polyglot.domain.outbox.AfterWriteEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

/**
 * Records product events. The catalog lives in MongoDB, which cannot join a PostgreSQL
 * transaction, so each event is its own small outbox write right after the MongoDB write
 * has succeeded there.
 */
public final class ProductEvents {

	private final AfterWriteEvents events;

	public ProductEvents(Outbox outbox, Transactions transactions, Clock clock) {
		this.events = new AfterWriteEvents(outbox, transactions, clock);
	}

	void created(Product product) {
		this.events.record(new ProductCreated(ProductSnapshot.of(product)));
	}

	void updated(Product product) {
		this.events.record(new ProductUpdated(ProductSnapshot.of(product)));
	}

	void deleted(Product product) {
		this.events.record(new ProductDeleted(ProductSnapshot.of(product)));
	}

}
