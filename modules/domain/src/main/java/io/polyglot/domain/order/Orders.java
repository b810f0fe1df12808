package io.polyglot.domain.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** Port to the orders of record (PostgreSQL). */
public interface Orders {

	/** Stores a new order with its lines in the current transaction. */
	void insert(Order order);

	/** Locks the order until the current transaction ends and returns it. */
	Optional<Order> lock(UUID id);

	/** Stores the order's new status. */
	void update(Order order);

	Optional<Order> byId(UUID id);

	/** The customer's orders, newest first (the JOIN of customers and orders). */
	Page<Order> ofCustomer(CustomerId customer, PageRequest page);

	/**
	 * Units held by live (PENDING or PAID) orders and sold by SHIPPED ones, per product.
	 */
	List<ProductUnits> unitsPerProduct();

	/**
	 * Products bought (PAID or SHIPPED orders) by any of the buyers and never by the
	 * excluded customer, most buyers first, then most units, then product id.
	 */
	List<Popular> popularAmong(Collection<CustomerId> buyers, CustomerId excluded, int limit);

	/** A product and how many of the given buyers bought it, in how many units. */
	record Popular(UUID productId, String name, long buyers, long units) {
	}

	/**
	 * Every line of a live (PENDING or PAID) order: what the catalog should hold, order
	 * by order, for the stock repair.
	 */
	List<LiveLine> liveLines();

	/** One product line of a live order. */
	record LiveLine(UUID orderId, UUID productId, int quantity) {
	}

	/** What orders of record say about one product. */
	record ProductUnits(UUID productId, long held, long sold) {
	}

}
