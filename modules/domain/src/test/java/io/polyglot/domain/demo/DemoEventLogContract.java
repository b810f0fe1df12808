package io.polyglot.domain.demo;

import java.util.List;
import java.util.UUID;

import io.polyglot.domain.demo.DemoOutbox.RelayedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DemoEventLog} must do, run against the in-memory fake and the
 * Cassandra adapter: an appended event is found by its id, once or appended again, and an
 * event never appended is not. Every test uses fresh event ids.
 */
public abstract class DemoEventLogContract {

	protected abstract DemoEventLog eventLog();

	private static RelayedEvent event() {
		return new RelayedEvent(UUID.randomUUID(), "account:demo-1", "MoneyTransferred",
				"{\"from\":1,\"to\":2,\"amount\":\"1.00\"}");
	}

	private boolean found(UUID id) {
		return Boolean.TRUE.equals(eventLog().find(id).findings().get("found"));
	}

	@Test
	protected void anAppendedEventIsFoundByItsId() {
		RelayedEvent one = event();
		RelayedEvent other = event();

		assertThat(eventLog().append(List.of(one, other)).steps()).isNotEmpty();

		assertThat(found(one.id())).isTrue();
		assertThat(found(other.id())).isTrue();
	}

	@Test
	protected void anEventNeverAppendedIsNotFound() {
		eventLog().append(List.of(event()));

		assertThat(eventLog().find(UUID.randomUUID()).findings()).containsEntry("found", false);
	}

	@Test
	protected void anEventAppendedAgainIsStillFound() {
		RelayedEvent redelivered = event();
		eventLog().append(List.of(redelivered));
		eventLog().append(List.of(redelivered));

		assertThat(found(redelivered.id())).isTrue();
	}

}
