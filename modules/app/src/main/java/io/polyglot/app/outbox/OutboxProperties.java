package io.polyglot.app.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings under {@code polyglot.outbox}.
 *
 * @param relayEnabled whether this instance relays (every instance may: claims use FOR
 * UPDATE SKIP LOCKED)
 * @param batchSize events claimed and delivered per transaction
 * @param pollInterval pause after an empty claim
 * @param firstBackoff wait after a consumer's first failure; doubles per failure
 * @param maxBackoff the cap of that wait
 * @param retention how long delivered events stay in the outbox
 * @param housekeepingInterval how often delivered events and expired idempotency keys are
 * pruned, in batches
 * @param lagWarning oldest undelivered age from which the health component reports
 * {@code lagging}
 */
@ConfigurationProperties("polyglot.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500") int batchSize,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("1s") Duration firstBackoff,
		@DefaultValue("1m") Duration maxBackoff, @DefaultValue("7d") Duration retention,
		@DefaultValue("1m") Duration housekeepingInterval, @DefaultValue("1m") Duration lagWarning) {

}
