package io.polyglot.domain.social;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonProjectionTest {

	private final InMemorySocialGraph graph = new InMemorySocialGraph();

	private final PersonProjection projection = new PersonProjection(this.graph);

	@Test
	void isNamedSocialGraph() {
		assertThat(this.projection.name()).isEqualTo("social-graph");
	}

	@Test
	void recordsRegistrationsAndSkipsOtherEvents() {
		CustomerId ada = CustomerId.random();
		CustomerId bob = CustomerId.random();
		DomainEvent other = DomainEvent.of(EventStream.customer(bob.value()), "SessionStarted", Instant.EPOCH, bob,
				Map.of("customerId", bob.toString(), "username", "bob"));

		this.projection.deliver(List.of(SocialFixture.registration(ada, "ada"), other));

		assertThat(this.graph.person(ada)).contains(new Person(ada, "ada"));
		assertThat(this.graph.person(bob)).isEmpty();
	}

	@Test
	void redeliveryChangesNothing() {
		CustomerId ada = CustomerId.random();
		DomainEvent registered = SocialFixture.registration(ada, "ada");

		this.projection.deliver(List.of(registered, registered));
		this.projection.deliver(List.of(registered));

		assertThat(this.graph.person(ada)).contains(new Person(ada, "ada"));
	}

	@Test
	void malformedRegistrationsAreSkippedNotRetriedForever() {
		CustomerId ada = CustomerId.random();
		DomainEvent noId = DomainEvent.of(EventStream.customer(ada.value()), "CustomerRegistered", Instant.EPOCH, ada,
				Map.of("username", "ghost"));
		DomainEvent badName = DomainEvent.of(EventStream.customer(ada.value()), "CustomerRegistered", Instant.EPOCH,
				ada, Map.of("customerId", ada.toString(), "username", "x' OR 1=1 //"));

		this.projection.deliver(List.of(noId, badName, SocialFixture.registration(CustomerId.random(), "bob")));

		assertThat(this.graph.person(ada)).isEmpty();
	}

}
