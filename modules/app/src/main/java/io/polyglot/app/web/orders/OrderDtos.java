package io.polyglot.app.web.orders;

import java.time.Instant;
import java.util.List;

import io.polyglot.domain.order.LineRequest;
import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.OrderLine;
import io.polyglot.domain.order.Reconciliation;
import io.polyglot.domain.order.RepairStock;
import io.polyglot.domain.shared.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the order endpoints, as API.md spells them. */
final class OrderDtos {

	private OrderDtos() {
	}

	/** {@code POST /orders}. */
	record PlaceOrderRequest(@Nullable List<LineRequest> lines) {
	}

	/** An order with its lines. */
	record OrderResponse(String id, String customerId, String status, List<Line> lines, String total, String currency,
			Instant createdAt, Instant updatedAt) {

		static OrderResponse of(Order order) {
			return new OrderResponse(order.id().toString(), order.customer().toString(), order.status().name(),
					order.lines().stream().map(Line::of).toList(), order.total().toPlainString(),
					order.total().currency(), order.createdAt(), order.updatedAt());
		}

		record Line(String productId, String name, String unitPrice, int quantity, String lineTotal) {

			static Line of(OrderLine line) {
				return new Line(line.productId().toString(), line.name(), line.unitPrice().toPlainString(),
						line.quantity(), line.total().toPlainString());
			}

		}

	}

	/** One page of the caller's orders. */
	record OrderPage(List<OrderResponse> items, @Nullable String nextCursor) {

		static OrderPage of(Page<Order> page) {
			return new OrderPage(page.items().stream().map(OrderResponse::of).toList(),
					(page.nextCursor() != null) ? page.nextCursor().value() : null);
		}

	}

	/** The reconciliation report. */
	record ReconciliationResponse(boolean clean, int products, List<Reconciliation.ProductReport> leaks) {

		static ReconciliationResponse of(Reconciliation.Report report) {
			return new ReconciliationResponse(report.clean(), report.products().size(), report.leaks());
		}

	}

	/** What one stock repair run did, could not do, and left for a later run. */
	record RepairResponse(Instant ranAt, List<RepairAction> repaired, List<RepairAction> unrepaired,
			List<RepairAction> waiting) {

		static RepairResponse of(RepairStock.Result result) {
			return new RepairResponse(result.ranAt(), result.repaired().stream().map(RepairAction::of).toList(),
					result.unrepaired().stream().map(RepairAction::of).toList(),
					result.waiting().stream().map(RepairAction::of).toList());
		}

	}

	/** One product and order a repair touched or reported. */
	record RepairAction(String productId, String orderId, @Schema(
			description = "What the repair did: RELEASED_ORPHAN (a hold of an order that does not exist), "
					+ "RELEASED_CANCELLED (a hold of a cancelled order), SOLD_SHIPPED (a shipped order's hold "
					+ "turned into sold units), RESTORED_HOLD (a live order's missing hold taken again), OVERSOLD "
					+ "(a live order's missing hold that stock could not cover)",
			example = "RELEASED_CANCELLED", allowableValues = {
					"RELEASED_ORPHAN", "RELEASED_CANCELLED", "SOLD_SHIPPED", "RESTORED_HOLD", "OVERSOLD" }) String kind,
			@Schema(description = "Units of the hold", example = "2") int quantity, String reason){

		static RepairAction of(RepairStock.Action action) {
			return new RepairAction(action.productId().toString(), action.orderId().toString(), action.kind().name(),
					action.quantity(), action.reason());
		}

	}

}
