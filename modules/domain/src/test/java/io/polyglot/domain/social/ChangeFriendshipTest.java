package io.polyglot.domain.social;

import java.time.Instant;
import java.util.Map;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.BusinessRuleException;
import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.support.DirectTransactions;
import io.polyglot.domain.support.MutableClock;
import io.polyglot.domain.support.RecordingOutbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChangeFriendshipTest {

	private final SocialFixture fixture = new SocialFixture();

	private final RecordingOutbox outbox = new RecordingOutbox();

	private final DirectTransactions transactions = new DirectTransactions();

	private final ChangeFriendship friendships = new ChangeFriendship(this.fixture.graph, this.fixture.customers,
			this.outbox, this.transactions, new MutableClock(Instant.parse("2026-11-21T10:00:00Z")));

	@Test
	void addingIsSymmetricAndRecordsOneEventOnTheCallersStream() {
		CustomerId ada = this.fixture.projected("ada");
		CustomerId bob = this.fixture.projected("bob");

		assertThat(this.friendships.add(ada, CustomerId.parse(bob.toString()))).isEqualTo(FriendshipChange.CHANGED);
		assertThat(this.friendships.add(ada, CustomerId.parse(bob.toString()))).isEqualTo(FriendshipChange.UNCHANGED);
		assertThat(this.friendships.add(bob, CustomerId.parse(ada.toString()))).isEqualTo(FriendshipChange.UNCHANGED);

		assertThat(this.fixture.graph.friendIds(ada)).containsExactly(bob);
		assertThat(this.fixture.graph.friendIds(bob)).containsExactly(ada);
		assertThat(this.outbox.events()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("FriendshipAdded");
			assertThat(event.stream()).isEqualTo(EventStream.customer(ada.value()));
			assertThat(event.owner()).isEqualTo(ada);
			assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
			assertThat(event.payload()).isEqualTo(Map.of("customerId", ada.toString(), "friendId", bob.toString()));
		});
		assertThat(this.transactions.started()).isEqualTo(1);
	}

	@Test
	void removingIsIdempotentAndRecordsOneEvent() {
		CustomerId ada = this.fixture.projected("ada");
		CustomerId bob = this.fixture.projected("bob");
		this.friendships.add(ada, CustomerId.parse(bob.toString()));

		assertThat(this.friendships.remove(bob, CustomerId.parse(ada.toString()))).isEqualTo(FriendshipChange.CHANGED);
		assertThat(this.friendships.remove(bob, CustomerId.parse(ada.toString())))
			.isEqualTo(FriendshipChange.UNCHANGED);

		assertThat(this.fixture.graph.friendIds(ada)).isEmpty();
		assertThat(this.outbox.events()).extracting(DomainEvent::type)
			.containsExactly("FriendshipAdded", "FriendshipRemoved");
		assertThat(this.outbox.events().get(1).stream()).isEqualTo(EventStream.customer(bob.value()));
	}

	@Test
	void befriendingYourselfIsRefused() {
		CustomerId ada = this.fixture.projected("ada");

		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.friendships.add(ada, CustomerId.parse(ada.toString())));
		assertThatExceptionOfType(BusinessRuleException.class)
			.isThrownBy(() -> this.friendships.remove(ada, CustomerId.parse(ada.toString().toUpperCase())));
		assertThat(this.outbox.events()).isEmpty();
	}

	@Test
	void anUnknownCustomerIsNotFound() {
		CustomerId ada = this.fixture.projected("ada");
		String stranger = CustomerId.random().toString();

		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.friendships.add(ada, CustomerId.parse(stranger)));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.friendships.remove(ada, CustomerId.parse(stranger)));
		assertThat(this.outbox.events()).isEmpty();
	}

	@Test
	void aRegisteredCustomerNotProjectedYetIsAConflictToRetry() {
		CustomerId ada = this.fixture.projected("ada");
		CustomerId pending = this.fixture.registered("pending");

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.friendships.add(ada, CustomerId.parse(pending.toString())))
			.withMessageContaining("not in the social graph yet");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.friendships.add(pending, CustomerId.parse(ada.toString())));

		this.fixture.projection.deliver(java.util.List.of(SocialFixture.registration(pending, "pending")));
		assertThat(this.friendships.add(ada, CustomerId.parse(pending.toString()))).isEqualTo(FriendshipChange.CHANGED);
	}

	@Test
	void malformedIdsAreValidationErrors() {
		CustomerId ada = this.fixture.projected("ada");
		for (String hostile : new String[] { "x' OR 1=1 //", "}) MATCH (n) DETACH DELETE n //", "", "42" }) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> this.friendships.add(ada, CustomerId.parse(hostile)))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(ValidationException.FieldError::field)
					.containsExactly("customerId"));
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.friendships.remove(ada, CustomerId.parse(null)));
	}

}
