package io.polyglot.domain.account;

import java.math.BigDecimal;
import java.time.Instant;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.InMemoryAccounts;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Deposits and transfers against the fakes: money is conserved, or nothing moves. */
class WalletUseCasesTest {

	private final InMemoryAccounts accounts = new InMemoryAccounts();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final Amounts amounts = new Amounts("EUR", new Money(new BigDecimal("1000.00"), "EUR"));

	private final DepositMoney deposit = new DepositMoney(this.accounts, new DirectTransactions(), this.outbox,
			this.clock, this.amounts);

	private final TransferMoney transfer = new TransferMoney(this.accounts, new DirectTransactions(), this.outbox,
			this.clock, this.amounts);

	private final ViewAccount view = new ViewAccount(this.accounts);

	private final CustomerId ada = CustomerId.random();

	private final CustomerId bob = CustomerId.random();

	@BeforeEach
	void wallets() {
		this.accounts.open(this.ada, "EUR");
		this.accounts.open(this.bob, "EUR");
	}

	@Test
	void aDepositRaisesTheBalanceAndRecordsOneEntryAndOneEvent() {
		Posting posting = this.deposit.deposit(this.ada, eur("40.00"));

		assertThat(posting.after().balance()).isEqualTo(eur("40.00"));
		assertThat(this.view.accountOf(this.ada).balance()).isEqualTo(eur("40.00"));
		assertThat(this.view.ledger(this.ada, PageRequest.first()).items()).extracting(LedgerEntry::kind)
			.containsExactly(EntryKind.DEPOSIT);
		assertThat(this.outbox.events()).extracting(DomainEvent::type).containsExactly("DepositMade");
	}

	@Test
	void aTransferMovesTheAmountAndKeepsTheTotal() {
		this.deposit.deposit(this.ada, eur("40.00"));

		Transfer done = this.transfer.transfer(this.ada, command(this.bob.toString(), "15.50"));

		assertThat(done.amount()).isEqualTo(eur("15.50"));
		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(eur("24.50"));
		assertThat(this.accounts.balanceOf(this.bob)).isEqualTo(eur("15.50"));
		assertThat(this.accounts.transfers()).containsExactly(done);
		// one event per account stream
		assertThat(this.outbox.events()).filteredOn((event) -> event.type().equals("MoneyTransferred"))
			.extracting((event) -> event.payload().get("direction"))
			.containsExactly("out", "in");
	}

	@Test
	void insufficientFundsASelfTransferAndAStrangerMoveNothing() {
		this.deposit.deposit(this.ada, eur("10.00"));

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.transfer.transfer(this.ada, command(this.bob.toString(), "10.01")))
			.withMessageStartingWith("Insufficient funds");
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.transfer.transfer(this.ada, command(this.ada.toString(), "1.00")));
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.transfer.transfer(this.ada, command(CustomerId.random().toString(), "1.00")))
			.withMessageContaining("is not a customer");

		assertThat(this.accounts.balanceOf(this.ada)).isEqualTo(eur("10.00"));
		assertThat(this.accounts.balanceOf(this.bob)).isEqualTo(Money.zero("EUR"));
		assertThat(this.accounts.transfers()).isEmpty();
	}

	@Test
	void theTransferCommandNamesEveryBadField() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> TransferMoney.Command.parse(this.amounts, "nobody", "-1"))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new FieldError("toCustomerId", "must be a UUID such as 3f2b6c1e-8a4d-4e7f-9b0a-1c2d3e4f5a6b"),
					new FieldError("amount", "must be positive")));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> TransferMoney.Command.parse(this.amounts, null, null))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("toCustomerId", "is required"),
					new FieldError("amount", "is required")));
	}

	@Test
	void aCustomerWithoutAWalletIsNotFound() {
		CustomerId walletless = CustomerId.random();

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.view.accountOf(walletless));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.deposit.deposit(walletless, eur("1.00")));
	}

	private TransferMoney.Command command(String to, String amount) {
		return TransferMoney.Command.parse(this.amounts, to, amount);
	}

	private static Money eur(String amount) {
		return Money.parse(amount, "EUR");
	}

}
