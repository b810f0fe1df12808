package io.polyglot.app.config;

import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.order.CancelOrder;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.order.PayOrder;
import io.polyglot.domain.order.PlaceOrder;
import io.polyglot.domain.order.Reconciliation;
import io.polyglot.domain.order.ShipOrder;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.order.StockProjection;
import io.polyglot.domain.order.ViewOrders;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order use cases (place, pay, cancel, ship, view), the stock projection fed by the
 * outbox, and reconciliation.
 */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

	@Bean
	PlaceOrder placeOrder(Orders orders, Stock stock, Transactions transactions, Outbox outbox, Clock clock,
			PolyglotProperties properties) {
		return new PlaceOrder(orders, stock, transactions, outbox, clock, properties.currency());
	}

	@Bean
	PayOrder payOrder(Orders orders, Accounts accounts, Transactions transactions, Outbox outbox, Clock clock) {
		return new PayOrder(orders, accounts, transactions, outbox, clock);
	}

	@Bean
	CancelOrder cancelOrder(Orders orders, Accounts accounts, StockProjection stockProjection,
			Transactions transactions, Outbox outbox, Clock clock) {
		return new CancelOrder(orders, accounts, stockProjection, transactions, outbox, clock);
	}

	@Bean
	ShipOrder shipOrder(Orders orders, StockProjection stockProjection, Transactions transactions, Outbox outbox,
			Clock clock) {
		return new ShipOrder(orders, stockProjection, transactions, outbox, clock);
	}

	@Bean
	ViewOrders viewOrders(Orders orders) {
		return new ViewOrders(orders);
	}

	@Bean
	StockProjection stockProjection(Stock stock) {
		return new StockProjection(stock);
	}

	@Bean
	Reconciliation reconciliation(Stock stock, Orders orders) {
		return new Reconciliation(stock, orders);
	}

}
