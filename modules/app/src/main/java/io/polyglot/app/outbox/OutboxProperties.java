package io.polyglot.app.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings under {@code polyglot.outbox}.
 *
 * @param relayEnabled whether this instance relays (every instance may: a claim leases
 * its events, so relays never deliver each other's)
 * @param batchSize events one claim leases and one delivery carries
 * @param pollInterval pause after an empty claim
 * @param firstBackoff wait after a consumer's first failure; doubles per failure
 * @param maxBackoff the cap of that wait
 * @param retention how long delivered events stay in the outbox
 * @param housekeepingInterval how often delivered events and expired idempotency keys are
 * pruned, in batches
 * @param lagWarning oldest undelivered age from which the health component reports
 * {@code lagging}
 * @param relay how many loops work each consumer, and how long a claim's lease lasts
 */
@ConfigurationProperties("polyglot.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500") int batchSize,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("1s") Duration firstBackoff,
		@DefaultValue("1m") Duration maxBackoff, @DefaultValue("7d") Duration retention,
		@DefaultValue("1m") Duration housekeepingInterval, @DefaultValue("1m") Duration lagWarning,
		@DefaultValue Relay relay) {

	/**
	 * The relay's concurrency under {@code polyglot.outbox.relay}.
	 *
	 * @param threads loops per consumer in this instance: one polls; the others join it
	 * while its claims come back full (a backlog) and stop when they no longer do
	 * @param lease how long a claim owns its events; an event whose relay died after
	 * claiming it is delivered again once this has passed
	 */
	public record Relay(@DefaultValue("4") int threads, @DefaultValue("30s") Duration lease) {

		public Relay {
			if (threads < 1) {
				throw new IllegalArgumentException("polyglot.outbox.relay.threads must be at least 1");
			}
		}

	}

}
