package io.polyglot.domain.order;

import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.Money;

/**
 * One line of an order. Name and unit price are copied from the catalog when the order is
 * placed, on purpose: a later price change must not rewrite what the customer agreed to.
 */
public record OrderLine(UUID productId, String name, Money unitPrice, int quantity) {

	public OrderLine {
		Objects.requireNonNull(productId, "productId");
		Objects.requireNonNull(name, "name");
		if (quantity < 1) {
			throw new IllegalArgumentException("a line orders at least one unit");
		}
	}

	public Money total() {
		return this.unitPrice.times(this.quantity);
	}

}
