package io.polyglot.domain.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.EventTypes;
import io.polyglot.domain.outbox.AfterWriteEvents;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

/**
 * Records product events. The catalog lives in MongoDB, which cannot join a PostgreSQL
 * transaction, so each event is its own small outbox write right after the MongoDB write
 * succeeded.
 */
public final class ProductEvents {

	private final AfterWriteEvents events;

	public ProductEvents(Outbox outbox, Transactions transactions, Clock clock) {
		this.events = new AfterWriteEvents(outbox, transactions, clock);
	}

	void created(Product product) {
		record(product, EventTypes.PRODUCT_CREATED);
	}

	void updated(Product product) {
		record(product, EventTypes.PRODUCT_UPDATED);
	}

	void deleted(Product product) {
		record(product, EventTypes.PRODUCT_DELETED);
	}

	private void record(Product product, String type) {
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("productId", product.id().toString());
		payload.put("sku", product.sku());
		payload.put("name", product.name());
		payload.put("category", product.category().value());
		payload.put("price", product.price().toPlainString());
		payload.put("currency", product.price().currency());
		payload.put("stock", Integer.toString(product.stock()));
		payload.put("version", Long.toString(product.version()));
		// products are read by administrators only in the event log: no owner
		this.events.record(EventStream.product(product.id().value()), type, null, payload);
	}

}
