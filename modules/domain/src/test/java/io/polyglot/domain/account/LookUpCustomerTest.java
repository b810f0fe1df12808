package io.polyglot.domain.account;

import java.time.Instant;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.FakePasswordHasher;
import io.polyglot.domain.support.InMemoryCustomers;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LookUpCustomerTest {

	private final InMemoryCustomers customers = new InMemoryCustomers();

	@Test
	void findsARegisteredCustomerAndRefusesAnUnknownId() {
		Customer ada = new RegisterCustomer(this.customers, new FakePasswordHasher(), new DirectTransactions(),
				new MutableClock(Instant.EPOCH), "EUR", new RecordingOutbox())
			.register(RegisterCustomer.Command.parse("ada", "ada@example.com", "correct horse"));
		LookUpCustomer lookUp = new LookUpCustomer(this.customers);

		assertThat(lookUp.byId(ada.id())).isEqualTo(ada);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> lookUp.byId(CustomerId.random()));
	}

}
