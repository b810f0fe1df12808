package io.polyglot.domain.account;

import java.time.Instant;

import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.FakePasswordHasher;
import io.polyglot.domain.support.InMemoryCustomers;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisterCustomerTest {

	private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");

	private final InMemoryCustomers customers = new InMemoryCustomers();

	private final FakePasswordHasher hasher = new FakePasswordHasher();

	private final DirectTransactions transactions = new DirectTransactions();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final RegisterCustomer register = new RegisterCustomer(this.customers, this.hasher, this.transactions,
			new MutableClock(NOW), "EUR", this.outbox);

	@Test
	void registersACustomerWithRoleCustomerHashedPasswordAndTheServiceCurrency() {
		Customer customer = this.register
			.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));

		assertThat(customer.username()).isEqualTo(new Username("ada"));
		assertThat(customer.email()).isEqualTo(new Email("ada@example.com"));
		assertThat(customer.roles()).containsExactly(Role.CUSTOMER);
		assertThat(customer.passwordHash()).isNotEqualTo("correct horse");
		assertThat(this.hasher.matches("correct horse", customer.passwordHash())).isTrue();
		assertThat(customer.createdAt()).isEqualTo(NOW);
		assertThat(this.customers.byId(customer.id())).contains(customer);
		assertThat(this.customers.currencyOf(customer.id())).isEqualTo("EUR");
		assertThat(this.transactions.started()).isEqualTo(1);
	}

	@Test
	void recordsCustomerRegisteredOnTheCustomersOwnStream() {
		Customer customer = this.register
			.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));

		assertThat(this.outbox.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("CustomerRegistered");
			assertThat(event.stream()).isEqualTo(EventStream.customer(customer.id().value()));
			assertThat(event.owner()).isEqualTo(customer.id());
			assertThat(event.occurredAt()).isEqualTo(NOW);
			assertThat(event.payload()).containsExactlyInAnyOrderEntriesOf(
					java.util.Map.of("customerId", customer.id().toString(), "username", "ada"));
		});
	}

	@Test
	void hashesBeforeTheTransactionSoTheSlowHashHoldsNoConnection() {
		this.hasher.requireOnHash(() -> !this.transactions.isActive());

		this.register.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));
	}

	@Test
	void reportsEveryBadFieldAtOnceAndStoresNothing() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(
					() -> this.register.register(RegisterCustomer.Command.parse("a\u0000b", "not-an-email", "short")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("username", "email", "password"));
		assertThat(this.customers.size()).isZero();
		assertThat(this.transactions.started()).isZero();
	}

	@Test
	void missingFieldsAreRequired() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.register.register(RegisterCustomer.Command.parse(null, null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("username", "is required"),
					new FieldError("email", "is required"), new FieldError("password", "is required")));
	}

	@Test
	void refusesVeryLongAndWhitespaceOnlyInput() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.register
				.register(RegisterCustomer.Command.parse("a".repeat(10_000), "ada@example.com", " ".repeat(12))))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("username", "password"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.register
			.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "x".repeat(Password.MAX_LENGTH + 1))));
		assertThat(this.customers.size()).isZero();
	}

	@Test
	void aTakenUsernameIsAConflictWhateverItsCase() {
		this.register.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.register
				.register(RegisterCustomer.Command.parse("ADA", "other@example.com", "correct horse")))
			.withMessageContaining("username");
		assertThat(this.customers.size()).isEqualTo(1);
	}

	@Test
	void refusesAnInvalidCurrencyWhenWired() {
		assertThatThrownBy(() -> new RegisterCustomer(this.customers, this.hasher, this.transactions,
				new MutableClock(NOW), "euro", new RecordingOutbox()))
			.isInstanceOf(ValidationException.class);
	}

}
