package io.polyglot.domain.order;

import java.util.Set;

/** Where an order is in its life: PENDING → PAID → SHIPPED; PENDING|PAID → CANCELLED. */
public enum OrderStatus {

	PENDING, PAID, SHIPPED, CANCELLED;

	/** Whether the order may move from this status to the next one. */
	public boolean canMoveTo(OrderStatus next) {
		return switch (this) {
			case PENDING -> Set.of(PAID, CANCELLED).contains(next);
			case PAID -> Set.of(SHIPPED, CANCELLED).contains(next);
			case SHIPPED, CANCELLED -> false;
		};
	}

	/** Whether the order still holds stock in the catalog. */
	public boolean holdsStock() {
		return this == PENDING || this == PAID;
	}

}
