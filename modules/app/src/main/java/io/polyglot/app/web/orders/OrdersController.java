package io.polyglot.app.web.orders;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.app.web.IdempotentResponses;
import io.polyglot.app.web.orders.OrderDtos.OrderPage;
import io.polyglot.app.web.orders.OrderDtos.OrderResponse;
import io.polyglot.app.web.orders.OrderDtos.PlaceOrderRequest;
import io.polyglot.domain.idempotency.IdempotencyKey;
import io.polyglot.domain.order.CancelOrder;
import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.PayOrder;
import io.polyglot.domain.order.PlaceOrder;
import io.polyglot.domain.order.ShipOrder;
import io.polyglot.domain.order.ViewOrders;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Placing, reading, paying, cancelling and shipping orders. */
@RestController
@RequestMapping("/api/v1/orders")
public class OrdersController {

	private final PlaceOrder placeOrder;

	private final PayOrder payOrder;

	private final CancelOrder cancelOrder;

	private final ShipOrder shipOrder;

	private final ViewOrders viewOrders;

	private final IdempotentResponses idempotent;

	public OrdersController(PlaceOrder placeOrder, PayOrder payOrder, CancelOrder cancelOrder, ShipOrder shipOrder,
			ViewOrders viewOrders, IdempotentResponses idempotent) {
		this.placeOrder = placeOrder;
		this.payOrder = payOrder;
		this.cancelOrder = cancelOrder;
		this.shipOrder = shipOrder;
		this.viewOrders = viewOrders;
		this.idempotent = idempotent;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> place(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String key,
			@RequestBody PlaceOrderRequest request) {
		return this.idempotent.once(caller.customerId(), key, "POST /orders", request, HttpStatus.CREATED,
				() -> OrderResponse
					.of(this.placeOrder.place(caller.customerId(), PlaceOrder.Command.parse(request.lines()))));
	}

	@GetMapping
	OrderPage list(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return OrderPage.of(this.viewOrders.list(caller.customerId(), PageRequest.of(limit, cursor)));
	}

	@GetMapping("/{id}")
	OrderResponse get(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String id) {
		return OrderResponse.of(this.viewOrders.get(caller.customerId(), caller.isAdmin(), Order.parseId(id)));
	}

	@PostMapping("/{id}/payment")
	OrderResponse pay(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String id) {
		return OrderResponse.of(this.payOrder.pay(caller.customerId(), Order.parseId(id)));
	}

	@PostMapping("/{id}/cancellation")
	OrderResponse cancel(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String id) {
		return OrderResponse.of(this.cancelOrder.cancel(caller.customerId(), caller.isAdmin(), Order.parseId(id)));
	}

	/** Administrators only (see SecurityConfiguration). */
	@PostMapping("/{id}/shipment")
	OrderResponse ship(@PathVariable String id) {
		return OrderResponse.of(this.shipOrder.ship(Order.parseId(id)));
	}

}
