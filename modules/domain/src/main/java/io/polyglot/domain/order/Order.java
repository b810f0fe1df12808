package io.polyglot.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Money;
import org.jspecify.annotations.Nullable;

/** An order of one customer: its lines, total and status. */
public record Order(UUID id, CustomerId customer, OrderStatus status, List<OrderLine> lines, Money total,
		Instant createdAt, Instant updatedAt) {

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(customer, "customer");
		Objects.requireNonNull(status, "status");
		lines = List.copyOf(lines);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order has at least one line");
		}
	}

	/**
	 * Parses an order id from a path, naming the field {@code orderId} when malformed.
	 */
	public static UUID parseId(@Nullable String text) {
		return Ids.parseUuid("orderId", text);
	}

	/** A new PENDING order whose total is the sum of its lines. */
	public static Order place(UUID id, CustomerId customer, List<OrderLine> lines, Instant now) {
		Money total = lines.get(0).total();
		for (OrderLine line : lines.subList(1, lines.size())) {
			total = total.plus(line.total());
		}
		return new Order(id, customer, OrderStatus.PENDING, lines, total, now, now);
	}

	/**
	 * The order in the next status.
	 * @throws ConflictException (409) for a move the state machine does not allow
	 */
	public Order moveTo(OrderStatus next, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw new ConflictException("Order " + this.id + " is " + this.status + " and cannot become " + next + ".");
		}
		return new Order(this.id, this.customer, next, this.lines, this.total, this.createdAt, now);
	}

}
