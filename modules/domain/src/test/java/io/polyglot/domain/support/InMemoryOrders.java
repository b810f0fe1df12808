package io.polyglot.domain.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.OrderLine;
import io.polyglot.domain.order.OrderStatus;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;

/** The orders of record in a map, for use-case tests; locking is a no-op. */
public final class InMemoryOrders implements Orders {

	private final Map<UUID, Order> byId = new LinkedHashMap<>();

	@Override
	public synchronized void insert(Order order) {
		if (this.byId.putIfAbsent(order.id(), order) != null) {
			throw new ConflictException("Order " + order.id() + " exists.");
		}
	}

	@Override
	public synchronized Optional<Order> lock(UUID id) {
		return byId(id);
	}

	@Override
	public synchronized void update(Order order) {
		if (this.byId.replace(order.id(), order) == null) {
			throw new IllegalStateException("no order " + order.id());
		}
	}

	@Override
	public synchronized Optional<Order> byId(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	@Override
	public synchronized Page<Order> ofCustomer(CustomerId customer, PageRequest page) {
		// keyset on (createdAt, id) newest first, with the adapter's cursor, so orders
		// placed meanwhile never shift a page
		Comparator<Order> newestFirst = Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed();
		Order after = (page.cursor() != null) ? position(page.cursor(), customer) : null;
		List<Order> found = this.byId.values()
			.stream()
			.filter((order) -> order.customer().equals(customer))
			.filter((order) -> after == null || newestFirst.compare(order, after) > 0)
			.sorted(newestFirst)
			.limit(page.limit() + 1L)
			.toList();
		if (found.size() <= page.limit()) {
			return new Page<>(found, null);
		}
		List<Order> items = found.subList(0, page.limit());
		Order last = items.get(items.size() - 1);
		return new Page<>(items, Cursor.encode("orders|" + last.createdAt() + "|" + last.id()));
	}

	/** A stand-in order at the cursor's position: only its time and id matter. */
	private static Order position(Cursor cursor, CustomerId customer) {
		String[] position = cursor.decode().split("\\|");
		try {
			if (position.length != 3 || !position[0].equals("orders")) {
				throw Cursor.invalid();
			}
			Instant at = Instant.parse(position[1]);
			return new Order(UUID.fromString(position[2]), customer, OrderStatus.PENDING,
					List.of(new OrderLine(UUID.randomUUID(), "cursor", Money.zero("EUR"), 1)), Money.zero("EUR"), at,
					at);
		}
		catch (RuntimeException ex) {
			throw Cursor.invalid();
		}
	}

	@Override
	public synchronized List<LiveLine> liveLines() {
		List<LiveLine> lines = new ArrayList<>();
		for (Order order : this.byId.values()) {
			if (order.status() == OrderStatus.PENDING || order.status() == OrderStatus.PAID) {
				order.lines().forEach((line) -> lines.add(new LiveLine(order.id(), line.productId(), line.quantity())));
			}
		}
		return lines;
	}

	@Override
	public synchronized List<ProductUnits> unitsPerProduct() {
		Map<UUID, long[]> units = new LinkedHashMap<>();
		for (Order order : this.byId.values()) {
			for (OrderLine line : order.lines()) {
				long[] counts = units.computeIfAbsent(line.productId(), (id) -> new long[2]);
				if (order.status() == OrderStatus.PENDING || order.status() == OrderStatus.PAID) {
					counts[0] += line.quantity();
				}
				else if (order.status() == OrderStatus.SHIPPED) {
					counts[1] += line.quantity();
				}
			}
		}
		List<ProductUnits> result = new ArrayList<>();
		units.forEach((id, counts) -> result.add(new ProductUnits(id, counts[0], counts[1])));
		return result;
	}

	@Override
	public synchronized List<Popular> popularAmong(Collection<CustomerId> buyers, CustomerId excluded, int limit) {
		Set<OrderStatus> bought = Set.of(OrderStatus.PAID, OrderStatus.SHIPPED);
		Set<UUID> excludedBought = new java.util.HashSet<>();
		Map<UUID, String> names = new HashMap<>();
		Map<UUID, Set<CustomerId>> buyersOf = new HashMap<>();
		Map<UUID, Long> unitsOf = new HashMap<>();
		for (Order order : this.byId.values()) {
			if (!bought.contains(order.status())) {
				continue;
			}
			for (OrderLine line : order.lines()) {
				if (order.customer().equals(excluded)) {
					excludedBought.add(line.productId());
				}
				else if (buyers.contains(order.customer())) {
					names.put(line.productId(), line.name());
					buyersOf.computeIfAbsent(line.productId(), (id) -> new java.util.HashSet<>()).add(order.customer());
					unitsOf.merge(line.productId(), (long) line.quantity(), Long::sum);
				}
			}
		}
		return buyersOf.keySet()
			.stream()
			.filter((id) -> !excludedBought.contains(id))
			.map((id) -> new Popular(id, names.get(id), buyersOf.get(id).size(), unitsOf.get(id)))
			.sorted(Comparator.comparingLong(Popular::buyers)
				.reversed()
				.thenComparing(Comparator.comparingLong(Popular::units).reversed())
				.thenComparing(Popular::productId))
			.limit(limit)
			.toList();
	}

}
