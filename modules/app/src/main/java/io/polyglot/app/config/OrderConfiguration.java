package io.polyglot.app.config;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.order.Ordering;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.Reconciliation;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.order.StockProjection;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.social.RecommendProducts;
import io.polyglot.domain.social.SocialGraph;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order use cases, the stock projection fed by the outbox, reconciliation, and the
 * recommendations composed from orders and the social graph.
 */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

	@Bean
	Ordering ordering(Orders orders, Stock stock, Accounts accounts, Transactions transactions, Outbox outbox,
			Clock clock, PolyglotProperties properties) {
		return new Ordering(orders, stock, accounts, transactions, outbox, clock, properties.currency());
	}

	@Bean
	StockProjection stockProjection(Stock stock) {
		return new StockProjection(stock);
	}

	@Bean
	RecommendProducts recommendProducts(SocialGraph graph, Orders orders) {
		return new RecommendProducts(graph, orders);
	}

	@Bean
	Reconciliation reconciliation(Stock stock, Orders orders) {
		return new Reconciliation(stock, orders);
	}

}
