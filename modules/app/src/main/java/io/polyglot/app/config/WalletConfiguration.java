package io.polyglot.app.config;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.account.DepositMoney;
import io.polyglot.domain.account.TransferMoney;
import io.polyglot.domain.account.ViewAccount;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.Transactions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wallet use cases (view, deposit, transfer) and the amount rules they share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalletProperties.class)
public class WalletConfiguration {

	@Bean
	Amounts amounts(PolyglotProperties polyglot, WalletProperties wallet) {
		return new Amounts(polyglot.currency(), new Money(wallet.maxAmount(), polyglot.currency()));
	}

	@Bean
	ViewAccount viewAccount(Accounts accounts) {
		return new ViewAccount(accounts);
	}

	@Bean
	DepositMoney depositMoney(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock,
			Amounts amounts) {
		return new DepositMoney(accounts, transactions, outbox, clock, amounts);
	}

	@Bean
	TransferMoney transferMoney(Accounts accounts, Transactions transactions, Outbox outbox, Clock clock,
			Amounts amounts) {
		return new TransferMoney(accounts, transactions, outbox, clock, amounts);
	}

}
