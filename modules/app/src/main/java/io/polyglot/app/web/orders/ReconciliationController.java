package io.polyglot.app.web.orders;

import io.polyglot.app.web.orders.OrderDtos.ReconciliationResponse;
import io.polyglot.domain.order.Reconciliation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' check that stock adds up across the catalog and the orders of record
 * (see SecurityConfiguration for the role).
 */
@RestController
public class ReconciliationController {

	private final Reconciliation reconciliation;

	public ReconciliationController(Reconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@GetMapping("/api/v1/admin/reconciliation")
	ReconciliationResponse reconcile() {
		return ReconciliationResponse.of(this.reconciliation.run());
	}

}
