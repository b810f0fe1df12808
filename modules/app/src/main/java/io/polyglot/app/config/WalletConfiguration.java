package io.polyglot.app.config;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.account.Wallet;
import io.polyglot.domain.idempotency.Idempotency;
import io.polyglot.domain.idempotency.IdempotencyKeys;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wallet use cases and the reusable idempotency piece. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalletProperties.class)
public class WalletConfiguration {

	@Bean
	Amounts amounts(PolyglotProperties polyglot, WalletProperties wallet) {
		return new Amounts(polyglot.currency(), new Money(wallet.maxAmount(), polyglot.currency()));
	}

	@Bean
	Wallet wallet(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock, Amounts amounts) {
		return new Wallet(accounts, transactions, outbox, clock, amounts);
	}

	@Bean
	Idempotency idempotency(IdempotencyKeys keys, Transactions transactions, Clock clock, WalletProperties wallet) {
		return new Idempotency(keys, transactions, clock, wallet.idempotencyRetention(),
				wallet.idempotencyAbandonAfter());
	}

}
