package io.polyglot.domain.catalog;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.polyglot.domain.eventlog.Event;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;

/**
 * What happens to the catalog's products, on each product's stream. Only administrators
 * read these streams, so the events have no owner.
 */
public sealed interface CatalogEvent extends Event {

	/** The product as it is after the change (as it was, for a deletion). */
	ProductSnapshot product();

	@Override
	default EventStream stream() {
		return EventStream.product(product().id().value());
	}

	@Override
	default @Nullable CustomerId owner() {
		return null;
	}

	/** A product was added to the catalog. */
	record ProductCreated(ProductSnapshot product) implements CatalogEvent {

		public ProductCreated {
			Objects.requireNonNull(product, "product");
		}

	}

	/** A product was changed. */
	record ProductUpdated(ProductSnapshot product) implements CatalogEvent {

		public ProductUpdated {
			Objects.requireNonNull(product, "product");
		}

	}

	/** A product was removed from the catalog. */
	record ProductDeleted(ProductSnapshot product) implements CatalogEvent {

		public ProductDeleted {
			Objects.requireNonNull(product, "product");
		}

	}

	/**
	 * What a product event tells about the product (its description and attributes are
	 * not in the event).
	 */
	record ProductSnapshot(ProductId id, String sku, String name, CategoryCode category, Money price, int stock,
			long version) {

		public ProductSnapshot {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(sku, "sku");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(price, "price");
		}

		/** The snapshot of a product. */
		public static ProductSnapshot of(Product product) {
			return new ProductSnapshot(product.id(), product.sku(), product.name(), product.category(), product.price(),
					product.stock(), product.version());
		}

	}

}
