package io.polyglot.domain.social;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.Orders.Popular;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.QueryNumbers;
import org.jspecify.annotations.Nullable;

/**
 * "Bought by your friends": the products most bought (PAID or SHIPPED) by the caller's
 * friends and not yet by the caller. Composed here, across two stores through their
 * ports: friend ids from the graph (Neo4j), purchases from the orders of record
 * (PostgreSQL). Neither store could answer it alone.
 */
public final class RecommendProducts {

	/** The most recommendations one call returns. */
	public static final int MAX_LIMIT = 100;

	private static final int DEFAULT_LIMIT = 10;

	private final SocialGraph graph;

	private final Orders orders;

	public RecommendProducts(SocialGraph graph, Orders orders) {
		this.graph = Objects.requireNonNull(graph, "graph");
		this.orders = Objects.requireNonNull(orders, "orders");
	}

	/**
	 * Recommendations for the caller, most friends first, as many as {@code limit} asks
	 * (the default when null); empty without friends.
	 */
	public List<Popular> recommend(CustomerId caller, @Nullable Integer limit) {
		int max = (limit != null) ? QueryNumbers.requireBetween("limit", limit, 1, MAX_LIMIT) : DEFAULT_LIMIT;
		Set<CustomerId> friends = this.graph.friendIds(caller);
		if (friends.isEmpty()) {
			return List.of();
		}
		return this.orders.popularAmong(friends, caller, max);
	}

}
