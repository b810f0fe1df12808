package io.polyglot.domain.account;

import java.time.Instant;
import java.util.Optional;

import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.FakePasswordHasher;
import io.polyglot.domain.support.InMemoryCustomers;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BootstrapAdministratorTest {

	private final InMemoryCustomers customers = new InMemoryCustomers();

	private final FakePasswordHasher hasher = new FakePasswordHasher();

	private final RegisterCustomer register = new RegisterCustomer(this.customers, this.hasher,
			new DirectTransactions(), new MutableClock(Instant.parse("2026-01-02T10:00:00Z")), "EUR",
			new RecordingOutbox());

	private final BootstrapAdministrator bootstrap = new BootstrapAdministrator(this.customers, this.register);

	@Test
	void registersTheOperatorAsCustomerAndAdmin() {
		BootstrapAdministrator.Outcome outcome = this.bootstrap.ensure("ops", "ops@example.com", "long enough secret");

		assertThat(outcome.created()).isTrue();
		assertThat(outcome.customer().roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
		assertThat(this.customers.byUsername(new Username("ops"))).isPresent();
	}

	@Test
	void leavesAnExistingCustomerOfThatUsernameAlone() {
		Customer existing = this.register
			.register(RegisterCustomer.Command.parse("ops", "ops@example.com", "the first password"));

		BootstrapAdministrator.Outcome outcome = this.bootstrap.ensure("OPS", "other@example.com", "another password");

		assertThat(outcome.created()).isFalse();
		assertThat(outcome.customer()).isEqualTo(existing);
		assertThat(this.customers.size()).isEqualTo(1);
	}

	@Test
	void anotherInstanceWinningTheRaceIsNotAFailure() {
		Customer winner = this.register
			.register(RegisterCustomer.Command.parse("ops", "ops@example.com", "the first password"));
		// a port that has not seen the winner at the first look-up but refuses the insert
		Customers racing = new Customers() {

			private boolean looked;

			@Override
			public void register(Customer customer, String currency) {
				throw new ConflictException("The username is already taken.");
			}

			@Override
			public Optional<Customer> byId(CustomerId id) {
				return Optional.empty();
			}

			@Override
			public Optional<Customer> byUsername(Username username) {
				boolean first = !this.looked;
				this.looked = true;
				return first ? Optional.empty() : Optional.of(winner);
			}

		};
		BootstrapAdministrator racingBootstrap = new BootstrapAdministrator(racing, new RegisterCustomer(racing,
				this.hasher, new DirectTransactions(), new MutableClock(Instant.EPOCH), "EUR", new RecordingOutbox()));

		assertThat(racingBootstrap.ensure("ops", "ops@example.com", "long enough secret").customer()).isEqualTo(winner);
	}

	@Test
	void anEmailOfAnotherCustomerIsAConflict() {
		this.register.register(RegisterCustomer.Command.parse("someone", "ops@example.com", "the first password"));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.bootstrap.ensure("ops", "ops@example.com", "long enough secret"));
	}

	@Test
	void aWeakPasswordIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.bootstrap.ensure("ops", "ops@example.com", "admin"));
	}

}
