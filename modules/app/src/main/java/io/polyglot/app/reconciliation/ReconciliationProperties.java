package io.polyglot.app.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock repair settings under {@code polyglot.reconciliation}.
 *
 * @param repairEnabled whether this instance repairs periodically (the admin endpoint
 * works either way); one instance is enough, two are safe (every step is idempotent)
 * @param repairInterval how often the repair runs
 * @param orphanGrace how long a hold without an order is left alone before it is
 * released: longer than any order placement takes
 */
@ConfigurationProperties("polyglot.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean repairEnabled,
		@DefaultValue("5m") Duration repairInterval, @DefaultValue("1m") Duration orphanGrace) {

}
