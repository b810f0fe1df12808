package io.polyglot.domain.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.support.InMemoryEventLog;
import io.polyglot.domain.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadEventsTest {

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryEventLog log = new InMemoryEventLog();

	private final ReadEvents readEvents = new ReadEvents(this.log, this.log, this.clock);

	private final ReadActivity readActivity = new ReadActivity(this.log, this.clock);

	private final CustomerId ada = CustomerId.random();

	private final CustomerId bob = CustomerId.random();

	private final EventStream adasAccount = EventStream.account(UUID.randomUUID());

	private final EventStream adminOnly = EventStream.product(UUID.randomUUID());

	@Test
	void aCustomerReadsTheStreamsTheyOwn() {
		DomainEvent deposit = event(this.adasAccount, "DepositMade", NOW.minusSeconds(60), this.ada);
		this.log.append(List.of(deposit));

		assertThat(this.readEvents
			.read(new EventReader(this.ada, false), this.adasAccount, null, null, PageRequest.first())
			.items()).containsExactly(deposit);
	}

	@Test
	void anotherCustomersStreamIsNotFoundNotForbidden() {
		this.log.append(List.of(event(this.adasAccount, "DepositMade", NOW.minusSeconds(60), this.ada)));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.readEvents
			.read(new EventReader(this.bob, false), this.adasAccount, null, null, PageRequest.first()));
	}

	@Test
	void aStreamWithoutOwnerIsForAdministratorsOnly() {
		DomainEvent created = event(this.adminOnly, "ProductCreated", NOW.minusSeconds(60), null);
		this.log.append(List.of(created));

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.readEvents
			.read(new EventReader(this.ada, false), this.adminOnly, null, null, PageRequest.first()));
		assertThat(
				this.readEvents.read(new EventReader(this.bob, true), this.adminOnly, null, null, PageRequest.first())
					.items())
			.containsExactly(created);
	}

	@Test
	void administratorsReadEveryonesStreams() {
		DomainEvent deposit = event(this.adasAccount, "DepositMade", NOW.minusSeconds(60), this.ada);
		this.log.append(List.of(deposit));

		assertThat(
				this.readEvents.read(new EventReader(this.bob, true), this.adasAccount, null, null, PageRequest.first())
					.items())
			.containsExactly(deposit);
	}

	@Test
	void aStreamTheLogDoesNotHoldIsNotFoundForEveryone() {
		EventStream unknown = EventStream.order(UUID.randomUUID());

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(
				() -> this.readEvents.read(new EventReader(this.ada, false), unknown, null, null, PageRequest.first()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(
				() -> this.readEvents.read(new EventReader(this.ada, true), unknown, null, null, PageRequest.first()));
	}

	@Test
	void theRangeDefaultsToTheLastThirtyDays() {
		DomainEvent recent = event(this.adasAccount, "DepositMade", NOW.minus(Duration.ofDays(29)), this.ada);
		DomainEvent old = event(this.adasAccount, "DepositMade", NOW.minus(Duration.ofDays(31)), this.ada);
		DomainEvent future = event(this.adasAccount, "DepositMade", NOW.plusSeconds(1), this.ada);
		this.log.append(List.of(recent, old, future));

		assertThat(this.readEvents
			.read(new EventReader(this.ada, false), this.adasAccount, null, null, PageRequest.first())
			.items()).containsExactly(recent);
		assertThat(this.readEvents
			.read(new EventReader(this.ada, false), this.adasAccount, null, NOW.minus(Duration.ofDays(30)),
					PageRequest.first())
			.items()).containsExactly(old);
	}

	@Test
	void aBadRangeIsRefusedBeforeOwnershipIsLookedAt() {
		EventStream unknown = EventStream.order(UUID.randomUUID());
		EventReader reader = new EventReader(this.ada, false);

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.readEvents.read(reader, unknown, NOW, NOW.minusSeconds(1), PageRequest.first()));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> this.readEvents.read(reader, unknown, NOW.minus(Duration.ofDays(400)), NOW, PageRequest.first()));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.readEvents.read(reader, unknown, NOW.plusSeconds(10), null, PageRequest.first()));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.readEvents.read(reader, unknown,
				Instant.parse("+999999999-01-01T00:00:00Z"), null, PageRequest.first()));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.readEvents.read(reader, unknown,
				null, Instant.parse("1969-12-31T23:59:59Z"), PageRequest.first()));
	}

	@Test
	void activityIsTheCallersOwnCustomerStreamAndEmptyWhenNew() {
		EventStream adasStream = EventStream.customer(this.ada.value());
		DomainEvent registered = event(adasStream, "CustomerRegistered", NOW.minusSeconds(5), this.ada);
		this.log.append(List.of(registered,
				event(EventStream.customer(this.bob.value()), "CustomerRegistered", NOW, this.bob)));

		assertThat(this.readActivity.read(this.ada, null, null, PageRequest.first()).items())
			.containsExactly(registered);
		assertThat(this.readActivity.read(CustomerId.random(), null, null, PageRequest.first()).items()).isEmpty();
	}

	private static DomainEvent event(EventStream stream, String type, Instant at, CustomerId owner) {
		return DomainEvent.of(stream, type, at, owner, Map.of("k", "v"));
	}

}
