package io.polyglot.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.account.EntryKind;
import io.polyglot.domain.account.LedgerEntry;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryAccounts;
import io.polyglot.domain.support.InMemoryOrders;
import io.polyglot.domain.support.InMemoryStock;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order rules against the fakes: placing reserves stock or nothing, paying and
 * cancelling move money, the state machine holds, and another customer's order is not
 * found (404).
 */
class OrderUseCasesTest {

	private final InMemoryOrders orders = new InMemoryOrders();

	private final InMemoryStock stock = new InMemoryStock();

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final DirectTransactions transactions = new DirectTransactions();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final StockProjection projection = new StockProjection(this.stock);

	private final PlaceOrder place = new PlaceOrder(this.orders, this.stock, this.transactions, this.outbox, this.clock,
			"EUR");

	private final PayOrder pay = new PayOrder(this.orders, this.accounts, this.transactions, this.outbox, this.clock);

	private final CancelOrder cancel = new CancelOrder(this.orders, this.accounts, this.projection, this.transactions,
			this.outbox, this.clock);

	private final ShipOrder ship = new ShipOrder(this.orders, this.projection, this.transactions, this.outbox,
			this.clock);

	private final ViewOrders view = new ViewOrders(this.orders);

	private final CustomerId ada = CustomerId.random();

	private UUID book;

	private UUID lamp;

	@BeforeEach
	void stockAndWallet() {
		this.book = this.stock.add("Dune", Money.parse("12.50", "EUR"), 3);
		this.lamp = this.stock.add("Lamp", Money.parse("30.00", "EUR"), 1);
		this.accounts.open(this.ada, "EUR");
		this.accounts.post(this.accounts.ofCustomer(this.ada)
			.orElseThrow()
			.credit(Money.parse("100.00", "EUR"), EntryKind.DEPOSIT, UUID.randomUUID(), this.clock.now()));
	}

	@Test
	void placingReservesEveryLineAndWritesThePendingOrderWithItsEvent() {
		Order order = placeOrder(line(this.book, 2), line(this.lamp, 1));

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualTo(Money.parse("55.00", "EUR"));
		assertThat(this.stock.inStock(this.book)).isEqualTo(1);
		assertThat(this.stock.inStock(this.lamp)).isZero();
		assertThat(this.orders.byId(order.id())).contains(order);
		assertThat(this.outbox.events()).extracting(DomainEvent::type).containsExactly("OrderPlaced");
	}

	@Test
	void aLineShortOfStockReleasesTheLinesAlreadyReservedAndWritesNothing() {
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> placeOrder(line(this.book, 2), line(this.lamp, 2)))
			.withMessageContaining("Not enough stock for product " + this.lamp);

		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
		assertThat(this.stock.levels()).allSatisfy((level) -> assertThat(level.holds()).isEmpty());
		assertThat(this.view.list(this.ada, PageRequest.first()).items()).isEmpty();
		assertThat(this.outbox.events()).isEmpty();
	}

	@Test
	void anUnknownProductIsABusinessRuleErrorAndReservesNothing() {
		UUID unknown = UUID.randomUUID();

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> placeOrder(line(this.book, 1), line(unknown, 1)))
			.withMessage("Product " + unknown + " does not exist.");
		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
	}

	@Test
	void theCommandNamesEveryBadLineAtOnce() {
		List<LineRequest> lines = List.of(new LineRequest("not-a-uuid", 0), new LineRequest(this.book.toString(), null),
				new LineRequest(this.book.toString(), 1));

		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> PlaceOrder.Command.parse(lines))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("lines[0].productId", "lines[0].quantity", "lines[1].quantity", "lines[2].productId"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> PlaceOrder.Command.parse(List.of()))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("lines"));
		List<LineRequest> tooMany = new ArrayList<>();
		for (int i = 0; i <= PlaceOrder.MAX_LINES; i++) {
			tooMany.add(new LineRequest(UUID.randomUUID().toString(), 1));
		}
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> PlaceOrder.Command.parse(tooMany));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new PlaceOrder.Line(this.book, PlaceOrder.MAX_QUANTITY + 1));
	}

	@Test
	void payingDebitsTheWalletOnceAndASecondPaymentConflicts() {
		Order order = placeOrder(line(this.book, 2));

		Order paid = this.pay.pay(this.ada, order.id());

		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(Money.parse("75.00", "EUR"));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.pay.pay(this.ada, order.id()));
		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(Money.parse("75.00", "EUR"));
	}

	@Test
	void insufficientFundsChangeNeitherTheOrderNorTheWallet() {
		UUID tv = this.stock.add("TV", Money.parse("100.01", "EUR"), 1);
		Order order = placeOrder(line(tv, 1));

		assertThatExceptionOfType(BusinessRuleException.class).isThrownBy(() -> this.pay.pay(this.ada, order.id()))
			.withMessageStartingWith("Insufficient funds");
		assertThat(this.view.get(this.ada, false, order.id()).status()).isEqualTo(OrderStatus.PENDING);
		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(Money.parse("100.00", "EUR"));
		assertThat(this.outbox.events()).extracting(DomainEvent::type).containsExactly("OrderPlaced");
	}

	@Test
	void cancellingAPaidOrderRefundsItAndGivesTheStockBack() {
		Order order = placeOrder(line(this.book, 2));
		this.pay.pay(this.ada, order.id());

		Order cancelled = this.cancel.cancel(this.ada, false, order.id());

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(Money.parse("100.00", "EUR"));
		assertThat(this.stock.inStock(this.book)).isEqualTo(3);
		assertThat(this.accounts.ledger(this.accounts.ofCustomer(this.ada).orElseThrow().id(), PageRequest.first())
			.items()).extracting(LedgerEntry::kind)
			.containsExactly(EntryKind.ORDER_REFUND, EntryKind.ORDER_PAYMENT, EntryKind.DEPOSIT);
		assertThat(this.outbox.events()).extracting(DomainEvent::type)
			.containsExactly("OrderPlaced", "OrderPaid", "OrderCancelled");
	}

	@Test
	void shippingSellsTheHeldUnitsAndOnlyAPaidOrderShips() {
		Order order = placeOrder(line(this.book, 2));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.ship.ship(order.id()));
		this.pay.pay(this.ada, order.id());
		this.clock.advance(Duration.ofMinutes(1));

		Order shipped = this.ship.ship(order.id());

		assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(shipped.updatedAt()).isEqualTo(this.clock.now());
		assertThat(this.stock.levels()).filteredOn((level) -> level.productId().equals(this.book))
			.singleElement()
			.satisfies((level) -> {
				assertThat(level.sold()).isEqualTo(2);
				assertThat(level.holds()).isEmpty();
				assertThat(level.received()).isEqualTo(level.inStock() + level.held() + level.sold());
			});
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.cancel.cancel(this.ada, true, order.id()));
	}

	@Test
	void anotherCustomersOrderIsNotFoundUnlessTheCallerIsAnAdministrator() {
		Order order = placeOrder(line(this.book, 1));
		CustomerId bob = CustomerId.random();

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.view.get(bob, false, order.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.pay.pay(bob, order.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.cancel.cancel(bob, false, order.id()));
		assertThat(this.view.get(bob, true, order.id())).isEqualTo(order);
		assertThat(this.cancel.cancel(bob, true, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
	}

	private Order placeOrder(PlaceOrder.Line... lines) {
		return this.place.place(this.ada, new PlaceOrder.Command(List.of(lines)));
	}

	private static PlaceOrder.Line line(UUID productId, int quantity) {
		return new PlaceOrder.Line(productId, quantity);
	}

}
