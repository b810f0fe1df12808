package io.polyglot.app.reconciliation;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.order.RepairStock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the stock repair every {@code polyglot.reconciliation.repair-interval} and on
 * demand, counts what it did ({@code polyglot.stock.repairs}, tagged by kind), and keeps
 * the last result for the health component and the oversold gauge.
 */
public final class StockRepairService implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StockRepairService.class);

	private final RepairStock repair;

	private final ReconciliationProperties properties;

	private final MeterRegistry meters;

	private final AtomicReference<RepairStock.@Nullable Result> last = new AtomicReference<>();

	private volatile @Nullable ScheduledExecutorService scheduler;

	public StockRepairService(RepairStock repair, ReconciliationProperties properties, MeterRegistry meters) {
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

	private void runQuietly() {
		try {
			repairNow();
		}
		catch (RuntimeException ex) {
			// a store down: the next run tries again
			log.warn("Stock repair failed, will retry: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (!this.properties.repairEnabled()) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "stock-repair");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.repairInterval().toMillis();
		started.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
