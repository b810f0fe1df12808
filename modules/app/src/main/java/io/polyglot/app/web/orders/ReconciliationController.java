package io.polyglot.app.web.orders;

import io.polyglot.app.reconciliation.StockRepairService;
import io.polyglot.app.web.orders.OrderDtos.ReconciliationResponse;
import io.polyglot.app.web.orders.OrderDtos.RepairResponse;
import io.polyglot.domain.order.Reconciliation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' check that stock adds up across the catalog and the orders of record,
 * and the repair that re-derives the catalog's holds from the orders (see
 * SecurityConfiguration for the role).
 */
@RestController
public class ReconciliationController {

	private final Reconciliation reconciliation;

	private final StockRepairService repair;

	public ReconciliationController(Reconciliation reconciliation, StockRepairService repair) {
		this.reconciliation = reconciliation;
		this.repair = repair;
	}

	@GetMapping("/api/v1/admin/reconciliation")
	ReconciliationResponse reconcile() {
		return ReconciliationResponse.of(this.reconciliation.run());
	}

	/** Runs the repair now; a repeat finds nothing left to do. */
	@PostMapping("/api/v1/admin/reconciliation/repair")
	RepairResponse repair() {
		return RepairResponse.of(this.repair.repairNow());
	}

}
