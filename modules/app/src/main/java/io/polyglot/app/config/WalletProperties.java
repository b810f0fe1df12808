package io.polyglot.app.config;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wallet and idempotency settings under {@code polyglot.wallet}.
 *
 * @param maxAmount the largest amount one deposit or transfer may move
 * @param idempotencyRetention how long an Idempotency-Key and its first response are kept
 * @param idempotencyAbandonAfter how long a key may stay in flight before it counts as
 * abandoned by a crashed instance and may be taken over
 */
@ConfigurationProperties("polyglot.wallet")
public record WalletProperties(@DefaultValue("1000000.00") BigDecimal maxAmount,
		@DefaultValue("24h") Duration idempotencyRetention, @DefaultValue("1m") Duration idempotencyAbandonAfter) {

}
