package io.polyglot.domain.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link StreamOwners} must answer about the streams of its {@link EventLog},
 * run against the in-memory fake and each real event log: a stream is known once it holds
 * an event, owned by its events' customer or by nobody (administrators only), and a later
 * event without an owner keeps the known one. Every test writes to streams of its own.
 */
public abstract class StreamOwnersContract {

	private static final Instant NOW = Instant.parse("2026-02-27T12:00:00Z");

	/** The log the events are appended to. */
	protected abstract EventLog eventLog();

	/** The owners of the same log's streams. */
	protected abstract StreamOwners owners();

	private static DomainEvent event(EventStream stream, String type, Instant at, CustomerId owner) {
		return new DomainEvent(UUID.randomUUID(), stream, type, at, owner, Map.of());
	}

	@Test
	protected void aStreamIsOwnedByTheCustomerOfItsEvents() {
		CustomerId ada = CustomerId.random();
		EventStream account = EventStream.account(UUID.randomUUID());

		eventLog().append(List.of(event(account, "DepositMade", NOW, ada)));

		assertThat(owners().ownerOf(account)).contains(new StreamOwners.Owner(ada));
	}

	@Test
	protected void aStreamWhoseEventsHaveNoOwnerIsKnownForAdministratorsOnly() {
		EventStream product = EventStream.product(UUID.randomUUID());

		eventLog().append(List.of(event(product, "ProductCreated", NOW, null)));

		assertThat(owners().ownerOf(product)).contains(new StreamOwners.Owner(null));
	}

	@Test
	protected void aLaterEventWithoutOwnerKeepsTheKnownOwner() {
		CustomerId ada = CustomerId.random();
		EventStream account = EventStream.account(UUID.randomUUID());
		eventLog().append(List.of(event(account, "DepositMade", NOW, ada)));

		eventLog().append(List.of(event(account, "DepositMade", NOW.plusSeconds(1), null)));

		assertThat(owners().ownerOf(account)).contains(new StreamOwners.Owner(ada));
	}

	@Test
	protected void aStreamWithoutEventsIsUnknown() {
		eventLog()
			.append(List.of(event(EventStream.order(UUID.randomUUID()), "OrderPlaced", NOW, CustomerId.random())));

		assertThat(owners().ownerOf(EventStream.order(UUID.randomUUID()))).isEmpty();
	}

}
