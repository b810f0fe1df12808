package io.polyglot.app.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.RepairStock;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the stock repair, its schedule and its {@code stockRepair} health component. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
public class ReconciliationConfiguration {

	@Bean
	RepairStock repairStock(Stock stock, Orders orders, Clock clock, ReconciliationProperties properties) {
		return new RepairStock(stock, orders, clock, properties.orphanGrace());
	}

	@Bean
	StockRepairService stockRepairService(RepairStock repairStock, ReconciliationProperties properties,
			MeterRegistry meters) {
		return new StockRepairService(repairStock, properties, meters);
	}

	/**
	 * Always UP (an oversold order is a business problem, not an outage); the details say
	 * when the repair last ran and what it could not repair.
	 */
	@Bean
	HealthIndicator stockRepairHealthIndicator(StockRepairService service, ReconciliationProperties properties) {
		return () -> {
			RepairStock.Result last = service.last();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("repairEvery", properties.repairEnabled() ? properties.repairInterval().toString() : "off");
			if (last == null) {
				details.put("lastRun", "not yet");
			}
			else {
				details.put("lastRun", last.ranAt().toString());
				details.put("repaired", last.repaired().size());
				details.put("oversold", last.unrepaired().size());
				details.put("orphansWaiting", last.waiting().size());
			}
			return Health.up().withDetails(details).build();
		};
	}

}
