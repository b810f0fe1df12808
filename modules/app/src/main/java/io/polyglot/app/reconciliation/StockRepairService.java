package io.polyglot.app.reconciliation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.app.scheduling.PeriodicJob;
import io.polyglot.domain.order.RepairStock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stock repair every {@code polyglot.reconciliation.repair-interval} and on
 * demand, counts what it did ({@code polyglot.stock.repairs}, tagged by kind), and keeps
 * the last result for the health component and the oversold gauge.
 */
public final class StockRepairService extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(StockRepairService.class);

	private final RepairStock repair;

	private final ReconciliationProperties properties;

	private final MeterRegistry meters;

	private final AtomicReference<RepairStock.@Nullable Result> last = new AtomicReference<>();

	public StockRepairService(RepairStock repair, ReconciliationProperties properties, MeterRegistry meters) {
		super("stock-repair");
		this.repair = repair;
		this.properties = properties;
		this.meters = meters;
		Gauge.builder("polyglot.stock.oversold", this, (service) -> {
			RepairStock.Result result = service.last.get();
			return (result != null) ? result.unrepaired().size() : 0;
		}).description("Live order lines whose missing stock hold could not be taken again").register(meters);
	}

	/** Repairs now; answers what it did. */
	public RepairStock.Result repairNow() {
		RepairStock.Result result = this.repair.run();
		this.last.set(result);
		for (RepairStock.Action action : result.repaired()) {
			Counter.builder("polyglot.stock.repairs")
				.tag("kind", action.kind().name())
				.description("Stock holds repaired from the orders of record")
				.register(this.meters)
				.increment();
		}
		if (!result.repaired().isEmpty() || !result.unrepaired().isEmpty()) {
			log.warn("Stock repair: {} repaired, {} oversold and not repairable: {}", result.repaired().size(),
					result.unrepaired().size(), describe(result.unrepaired()));
		}
		return result;
	}

	/** The last run's result; empty before the first run. */
	public RepairStock.@Nullable Result last() {
		return this.last.get();
	}

	private static String describe(List<RepairStock.Action> actions) {
		return actions.stream()
			.map((action) -> "order " + action.orderId() + " product " + action.productId() + " (" + action.reason()
					+ ")")
			.toList()
			.toString();
	}

	/** One scheduled run; a failure (a store down) is logged and the next run retries. */
	@Override
	public void run() {
		try {
			repairNow();
		}
		catch (RuntimeException ex) {
			log.warn("Stock repair failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	protected @Nullable Duration interval() {
		return this.properties.repairEnabled() ? this.properties.repairInterval() : null;
	}

}
