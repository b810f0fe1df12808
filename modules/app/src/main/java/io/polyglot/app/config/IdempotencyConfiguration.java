package io.polyglot.app.config;

import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency-key use case that deposits, transfers and orders share; its settings
 * live under {@code polyglot.wallet}, where they were first needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalletProperties.class)
public class IdempotencyConfiguration {

	@Bean
	Idempotency idempotency(IdempotencyKeys keys, Transactions transactions, Clock clock, WalletProperties wallet) {
		return new Idempotency(keys, transactions, clock, wallet.idempotencyRetention(),
				wallet.idempotencyAbandonAfter());
	}

}
