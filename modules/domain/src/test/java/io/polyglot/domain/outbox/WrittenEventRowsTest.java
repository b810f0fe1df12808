package io.polyglot.domain.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.account.DepositMoney;
import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.account.Transfer;
import io.polyglot.domain.account.TransferMoney;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.order.CancelOrder;
import io.polyglot.domain.order.Order;
import io.polyglot.domain.order.PayOrder;
import io.polyglot.domain.order.PlaceOrder;
import io.polyglot.domain.order.ShipOrder;
import io.polyglot.domain.order.StockProjection;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryAccounts;
import io.polyglot.domain.support.InMemoryOrders;
import io.polyglot.domain.support.InMemoryStock;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows the wallet and order use cases write to the outbox, field by field as they
 * were written before events were typed: type, stream, owner, time and every payload key
 * and value.
 */
class WrittenEventRowsTest {

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final InMemoryOrders orders = new InMemoryOrders();

	private final InMemoryStock stock = new InMemoryStock();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final DirectTransactions transactions = new DirectTransactions();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final Amounts amounts = new Amounts("EUR", new Money(new BigDecimal("1000.00"), "EUR"));

	private final CustomerId ada = CustomerId.random();

	private final CustomerId bob = CustomerId.random();

	@Test
	void depositAndTransferRows() {
		Account adas = this.accounts.open(this.ada, "EUR");
		Account bobs = this.accounts.open(this.bob, "EUR");
		Posting posting = new DepositMoney(this.accounts, this.transactions, this.outbox, this.clock, this.amounts)
			.deposit(this.ada, Money.parse("40", "EUR"));
		this.clock.advance(java.time.Duration.ofSeconds(1));
		Transfer transfer = new TransferMoney(this.accounts, this.transactions, this.outbox, this.clock, this.amounts)
			.transfer(this.ada, new TransferMoney.Command(this.bob, Money.parse("15.5", "EUR")));

		List<DomainEvent> rows = this.outbox.events();
		assertThat(rows).hasSize(3);
		assertRow(rows.get(0), "DepositMade", EventStream.account(adas.id().value()), this.ada,
				posting.entry().createdAt(), Map.of("accountId", adas.id().toString(), "amount", "40.00", "currency",
						"EUR", "balance", "40.00", "entryId", posting.entry().id().toString()));
		Map<String, String> moved = Map.of("transferId", transfer.id().toString(), "fromAccountId",
				adas.id().toString(), "toAccountId", bobs.id().toString(), "amount", "15.50", "currency", "EUR");
		assertRow(rows.get(1), "MoneyTransferred", EventStream.account(adas.id().value()), this.ada,
				transfer.createdAt(), with(moved, "direction", "out"));
		assertRow(rows.get(2), "MoneyTransferred", EventStream.account(bobs.id().value()), this.bob,
				transfer.createdAt(), with(moved, "direction", "in"));
	}

	@Test
	void orderRowsThroughItsLife() {
		UUID book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 5);
		UUID lamp = this.stock.add("Lamp", Money.parse("30.00", "EUR"), 5);
		this.accounts.open(this.ada, "EUR");
		this.accounts.post(this.accounts.ofCustomer(this.ada)
			.orElseThrow()
			.credit(Money.parse("500.00", "EUR"), EntryKind.DEPOSIT, UUID.randomUUID(), this.clock.now()));
		StockProjection projection = new StockProjection(this.stock);
		PlaceOrder place = new PlaceOrder(this.orders, this.stock, this.transactions, this.outbox, this.clock, "EUR");
		PayOrder pay = new PayOrder(this.orders, this.accounts, this.transactions, this.outbox, this.clock);
		ShipOrder ship = new ShipOrder(this.orders, projection, this.transactions, this.outbox, this.clock);
		CancelOrder cancel = new CancelOrder(this.orders, this.accounts, projection, this.transactions, this.outbox,
				this.clock);

		Order placed = place.place(this.ada,
				new PlaceOrder.Command(List.of(new PlaceOrder.Line(book, 2), new PlaceOrder.Line(lamp, 1))));
		this.clock.advance(java.time.Duration.ofSeconds(1));
		Order paid = pay.pay(this.ada, placed.id());
		this.clock.advance(java.time.Duration.ofSeconds(1));
		Order shipped = ship.ship(placed.id());
		Order second = place.place(this.ada, new PlaceOrder.Command(List.of(new PlaceOrder.Line(book, 1))));
		this.clock.advance(java.time.Duration.ofSeconds(1));
		pay.pay(this.ada, second.id());
		Order cancelled = cancel.cancel(this.ada, false, second.id());

		List<DomainEvent> rows = this.outbox.events();
		assertThat(rows).extracting(DomainEvent::type)
			.containsExactly("OrderPlaced", "OrderPaid", "OrderShipped", "OrderPlaced", "OrderPaid", "OrderCancelled");
		String productIds = placed.lines().get(0).productId() + "," + placed.lines().get(1).productId();
		assertRow(rows.get(0), "OrderPlaced", EventStream.order(placed.id()), this.ada, placed.updatedAt(),
				with(order(placed, "PENDING", productIds), "lines", "2"));
		UUID payment = this.accounts.ledger(this.accounts.ofCustomer(this.ada).orElseThrow().id(), PageRequest.first())
			.items()
			.stream()
			.filter((entry) -> entry.kind() == EntryKind.ORDER_PAYMENT && entry.reference().equals(placed.id()))
			.findFirst()
			.orElseThrow()
			.id();
		assertRow(rows.get(1), "OrderPaid", EventStream.order(placed.id()), this.ada, paid.updatedAt(),
				with(order(paid, "PAID", productIds), "ledgerEntryId", payment.toString()));
		assertRow(rows.get(2), "OrderShipped", EventStream.order(placed.id()), this.ada, shipped.updatedAt(),
				order(shipped, "SHIPPED", productIds));
		assertRow(rows.get(5), "OrderCancelled", EventStream.order(second.id()), this.ada, cancelled.updatedAt(),
				with(order(cancelled, "CANCELLED", book.toString()), "refunded", "true"));
		assertThat(cancelled.total()).isEqualTo(Money.parse("12.50", "EUR"));
	}

	private static Map<String, String> order(Order order, String status, String productIds) {
		return Map.of("orderId", order.id().toString(), "customerId", order.customer().toString(), "status", status,
				"total", order.total().toPlainString(), "currency", "EUR", "productIds", productIds);
	}

	private static void assertRow(DomainEvent row, String type, EventStream stream, CustomerId owner, Instant at,
			Map<String, String> payload) {
		assertThat(row.type()).isEqualTo(type);
		assertThat(row.stream()).isEqualTo(stream);
		assertThat(row.owner()).isEqualTo(owner);
		assertThat(row.occurredAt()).isEqualTo(at);
		assertThat(row.payload()).containsExactlyInAnyOrderEntriesOf(payload);
		assertThat(EventSerializer.toStored(row.id(), row.occurredAt(), EventSerializer.fromStored(row)))
			.isEqualTo(row);
	}

	private static Map<String, String> with(Map<String, String> payload, String key, String value) {
		Map<String, String> all = new java.util.HashMap<>(payload);
		all.put(key, value);
		return all;
	}

}
