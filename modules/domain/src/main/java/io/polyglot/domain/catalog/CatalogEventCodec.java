package io.polyglot.domain.catalog;

import java.util.Set;

import io.polyglot.domain.catalog.CatalogEvent.ProductCreated;
import io.polyglot.domain.catalog.CatalogEvent.ProductDeleted;
import io.polyglot.domain.catalog.CatalogEvent.ProductSnapshot;
import io.polyglot.domain.catalog.CatalogEvent.ProductUpdated;
import io.polyglot.domain.eventlog.EventCodec;

/** The stored form of {@link CatalogEvent}s: each carries the product's snapshot. */
public final class CatalogEventCodec implements EventCodec<CatalogEvent> {

	private static final String PRODUCT_CREATED = "ProductCreated";

	private static final String PRODUCT_UPDATED = "ProductUpdated";

	private static final String PRODUCT_DELETED = "ProductDeleted";

	@Override
	public Class<CatalogEvent> kind() {
		return CatalogEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_DELETED);
	}

	@Override
	public String write(CatalogEvent event, PayloadWriter out) {
		ProductSnapshot product = event.product();
		out.put("productId", product.id().toString())
			.put("sku", product.sku())
			.put("name", product.name())
			.put("category", product.category().value())
			.put("price", product.price().toPlainString())
			.put("currency", product.price().currency())
			.put("stock", Integer.toString(product.stock()))
			.put("version", Long.toString(product.version()));
		if (event instanceof ProductCreated) {
			return PRODUCT_CREATED;
		}
		return (event instanceof ProductUpdated) ? PRODUCT_UPDATED : PRODUCT_DELETED;
	}

	@Override
	public CatalogEvent read(PayloadReader in) {
		ProductSnapshot product = new ProductSnapshot(new ProductId(in.uuid("productId")), in.text("sku"),
				in.text("name"), new CategoryCode(in.text("category")), in.money("price"), in.integer("stock"),
				in.longInteger("version"));
		return switch (in.type()) {
			case PRODUCT_CREATED -> new ProductCreated(product);
			case PRODUCT_UPDATED -> new ProductUpdated(product);
			default -> new ProductDeleted(product);
		};
	}

}
