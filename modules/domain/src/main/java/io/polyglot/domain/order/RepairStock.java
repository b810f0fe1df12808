package io.polyglot.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.order.Orders.LiveLine;
import io.polyglot.domain.shared.Clock;

/**
 * Re-derives the catalog's stock holds from the orders of record. PostgreSQL is the
 * system of record for orders, so the catalog follows it: a hold of a cancelled order is
 * released, a hold of a shipped order is sold, a live order's missing hold is taken again
 * where stock allows (and reported when it does not: that order is oversold), and a hold
 * of an order that does not exist is released once it has been seen for the grace period
 * (a placement holds stock a few milliseconds before its order commits, so a young orphan
 * may be an order in flight).
 * <p>
 * Every step is one of the stock port's idempotent per-order moves, so a repair racing
 * the outbox's stock projection (which does the same moves) changes nothing twice.
 */
public final class RepairStock {

	private final Stock stock;

	private final Orders orders;

	private final Clock clock;

	private final Duration grace;

	/** Orphan holds seen by an earlier run, with when they were first seen. */
	private final Map<Hold, Instant> orphansSeen = new HashMap<>();

	public RepairStock(Stock stock, Orders orders, Clock clock, Duration grace) {
		this.stock = Objects.requireNonNull(stock, "stock");
		this.orders = Objects.requireNonNull(orders, "orders");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.grace = Objects.requireNonNull(grace, "grace");
	}

	/** Runs one repair over every product and live order. */
	public synchronized Result run() {
		Instant now = this.clock.now();
		List<Action> repaired = new ArrayList<>();
		List<Action> unrepaired = new ArrayList<>();
		List<Action> waiting = new ArrayList<>();
		Set<Hold> orphansNow = new HashSet<>();
		// the catalog first, then the orders: an order placed in between then has its
		// holds already, and one cancelled or shipped in between is re-read below
		List<Stock.Level> levels = this.stock.levels();
		List<LiveLine> live = this.orders.liveLines();
		Set<UUID> liveOrders = new HashSet<>();
		live.forEach((line) -> liveOrders.add(line.orderId()));
		Map<UUID, Stock.Level> byProduct = new HashMap<>();
		for (Stock.Level level : levels) {
			byProduct.put(level.productId(), level);
			for (Map.Entry<UUID, Integer> hold : level.holds().entrySet()) {
				// a live order's hold is as it should be; only the rest (leaks, rare)
				// cost
				// a read of their order
				if (!liveOrders.contains(hold.getKey())) {
					repairHold(level.productId(), hold.getKey(), hold.getValue(), now, orphansNow, repaired, waiting);
				}
			}
		}
		for (LiveLine line : live) {
			Stock.Level level = byProduct.get(line.productId());
			if (level == null) {
				unrepaired.add(new Action(line.productId(), line.orderId(), Kind.OVERSOLD, line.quantity(),
						"the order holds a product the catalog does not have"));
			}
			else if (!level.holds().containsKey(line.orderId())) {
				restoreHold(line, level, repaired, unrepaired);
			}
		}
		this.orphansSeen.keySet().retainAll(orphansNow);
		return new Result(now, repaired, unrepaired, waiting);
	}

	private void repairHold(UUID productId, UUID orderId, int quantity, Instant now, Set<Hold> orphansNow,
			List<Action> repaired, List<Action> waiting) {
		Optional<Order> order = this.orders.byId(orderId);
		if (order.isEmpty()) {
			Hold hold = new Hold(productId, orderId);
			orphansNow.add(hold);
			Instant firstSeen = this.orphansSeen.computeIfAbsent(hold, (key) -> now);
			if (now.isBefore(firstSeen.plus(this.grace))) {
				waiting.add(new Action(productId, orderId, Kind.RELEASED_ORPHAN, quantity,
						"no such order yet; released if still so after " + this.grace));
				return;
			}
			this.stock.release(productId, orderId);
			this.orphansSeen.remove(hold);
			repaired.add(new Action(productId, orderId, Kind.RELEASED_ORPHAN, quantity,
					"held for an order that does not exist"));
			return;
		}
		switch (order.get().status()) {
			case CANCELLED -> {
				this.stock.release(productId, orderId);
				repaired.add(new Action(productId, orderId, Kind.RELEASED_CANCELLED, quantity,
						"held for a cancelled order"));
			}
			case SHIPPED -> {
				this.stock.sell(productId, orderId);
				repaired.add(new Action(productId, orderId, Kind.SOLD_SHIPPED, quantity,
						"held for a shipped order, now sold"));
			}
			case PENDING, PAID -> {
				// became live after the list was read: as it should be
			}
		}
	}

	private void restoreHold(LiveLine line, Stock.Level level, List<Action> repaired, List<Action> unrepaired) {
		// read again: the order may have been cancelled or shipped since the list was
		// read,
		// and its hold released or sold meanwhile
		Optional<Order> order = this.orders.byId(line.orderId());
		if (order.isEmpty() || !order.get().status().holdsStock()) {
			return;
		}
		if (this.stock.reserve(line.productId(), line.orderId(), line.quantity())) {
			repaired.add(new Action(line.productId(), line.orderId(), Kind.RESTORED_HOLD, line.quantity(),
					"a live order's hold was missing; held again"));
		}
		else {
			unrepaired.add(new Action(line.productId(), line.orderId(), Kind.OVERSOLD, line.quantity(),
					"a live order's hold is missing and only " + level.inStock() + " units are in stock"));
		}
	}

	/** What a repair step did, or could not do. */
	public enum Kind {

		/** A hold of an order that does not exist was released. */
		RELEASED_ORPHAN,

		/** A hold of a cancelled order was released. */
		RELEASED_CANCELLED,

		/** A hold of a shipped order was turned into sold units. */
		SOLD_SHIPPED,

		/** A live order's missing hold was taken again. */
		RESTORED_HOLD,

		/**
		 * A live order's missing hold could not be taken again: the order is oversold.
		 */
		OVERSOLD

	}

	/** One product and order the repair touched or reported. */
	public record Action(UUID productId, UUID orderId, Kind kind, int quantity, String reason) {
	}

	/**
	 * What one run did ({@code repaired}), could not do ({@code unrepaired}: oversold
	 * orders to settle by hand) and left for a later run ({@code waiting}: young
	 * orphans).
	 */
	public record Result(Instant ranAt, List<Action> repaired, List<Action> unrepaired, List<Action> waiting) {

		public Result {
			repaired = List.copyOf(repaired);
			unrepaired = List.copyOf(unrepaired);
			waiting = List.copyOf(waiting);
		}

	}

	private record Hold(UUID productId, UUID orderId) {
	}

}
