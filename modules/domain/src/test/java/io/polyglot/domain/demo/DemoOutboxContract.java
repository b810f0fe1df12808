package io.polyglot.domain.demo;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.demo.DemoOutbox.RelayedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DemoOutbox} must do, run against the in-memory fake and the
 * PostgreSQL adapter: a committed transfer's event is claimed, oldest first and at most
 * as many as asked, until it is marked delivered. Each test starts from reset demo data.
 */
public abstract class DemoOutboxContract {

	protected abstract DemoOutbox outbox();

	@BeforeEach
	void startFromNoDemoEvents() {
		outbox().reset();
	}

	private List<UUID> claimedIds(int max) {
		return outbox().claim(max).events().stream().map(RelayedEvent::id).toList();
	}

	@Test
	protected void aCommittedTransfersEventIsClaimedUntilMarkedDelivered() {
		UUID event = UUID.randomUUID();
		assertThat(outbox().commitTransfer(event).steps()).isNotEmpty();

		assertThat(claimedIds(10)).containsExactly(event);
		assertThat(claimedIds(10)).as("claiming does not deliver").containsExactly(event);

		outbox().markDelivered(List.of(event));
		assertThat(claimedIds(10)).isEmpty();
	}

	@Test
	protected void claimsComeOldestFirstAndAtMostAsManyAsAsked() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		outbox().commitTransfer(first);
		outbox().commitTransfer(second);
		outbox().commitTransfer(third);

		assertThat(claimedIds(2)).containsExactly(first, second);
		outbox().markDelivered(List.of(first));
		assertThat(claimedIds(5)).containsExactly(second, third);
	}

	@Test
	protected void theClaimedEventIsAMoneyTransferOnADemoAccountStream() {
		UUID event = UUID.randomUUID();
		outbox().commitTransfer(event);

		RelayedEvent claimed = outbox().claim(1).events().get(0);

		assertThat(claimed.id()).isEqualTo(event);
		assertThat(claimed.type()).isEqualTo("MoneyTransferred");
		assertThat(claimed.stream()).startsWith("account:demo-");
		assertThat(claimed.payload()).isNotBlank();
	}

}
