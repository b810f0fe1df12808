package io.polyglot.domain.social;

import java.util.List;

import io.polyglot.domain.shared.ConflictException;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.NotFoundException;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FindPathTest {

	private final SocialFixture fixture = new SocialFixture();

	private final FindPath findPath = new FindPath(this.fixture.graph, this.fixture.customers);

	/** ada - bob - cyd - dan, and eve alone. */
	private final CustomerId ada = this.fixture.projected("ada");

	private final CustomerId bob = this.fixture.projected("bob");

	private final CustomerId cyd = this.fixture.projected("cyd");

	private final CustomerId dan = this.fixture.projected("dan");

	private final CustomerId eve = this.fixture.projected("eve");

	FindPathTest() {
		this.fixture.graph.addFriendship(this.ada, this.bob);
		this.fixture.graph.addFriendship(this.bob, this.cyd);
		this.fixture.graph.addFriendship(this.cyd, this.dan);
	}

	@Test
	void findsTheShortestPathWithinTheDepth() {
		SocialPath path = this.findPath.find(this.ada, false,
				FindPath.Query.parse(this.ada.toString(), this.dan.toString(), null));

		assertThat(path.hops()).isEqualTo(3);
		assertThat(path.people()).extracting(Person::username).containsExactly("ada", "bob", "cyd", "dan");
		assertThat(
				this.findPath.find(this.ada, false, FindPath.Query.parse(this.ada.toString(), this.dan.toString(), "3"))
					.hops())
			.isEqualTo(3);
	}

	@Test
	void noPathWithinTheDepthIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.findPath.find(this.ada, false,
					FindPath.Query.parse(this.ada.toString(), this.dan.toString(), "2")))
			.withMessageContaining("within 2");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.findPath.find(this.ada, false,
				FindPath.Query.parse(this.ada.toString(), this.eve.toString(), null)));
	}

	@Test
	void aPathToYourselfHasNoHops() {
		SocialPath path = this.findPath.find(this.eve, false,
				FindPath.Query.parse(this.eve.toString(), this.eve.toString(), "1"));

		assertThat(path.hops()).isZero();
		assertThat(path.people()).extracting(Person::id).containsExactly(this.eve);
	}

	@Test
	void onlyTheCallersOwnPathsUnlessAdmin() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.findPath.find(this.eve, false,
				FindPath.Query.parse(this.ada.toString(), this.dan.toString(), null)));

		assertThat(
				this.findPath.find(this.eve, true, FindPath.Query.parse(this.ada.toString(), this.dan.toString(), null))
					.hops())
			.isEqualTo(3);
	}

	@Test
	void unknownTargetIsNotFoundAndPendingTargetIsAConflict() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.findPath.find(this.ada, false,
					FindPath.Query.parse(this.ada.toString(), CustomerId.random().toString(), null)))
			.withMessageContaining("No customer");
		CustomerId pending = this.fixture.registered("pending");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.findPath.find(this.ada, false,
				FindPath.Query.parse(this.ada.toString(), pending.toString(), null)));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.findPath.find(pending, false,
				FindPath.Query.parse(pending.toString(), this.ada.toString(), null)));
	}

	@Test
	void everyMalformedParameterIsNamed() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.findPath.find(this.ada, false, FindPath.Query.parse("x' OR 1=1 //", null, "7")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("id", "to", "maxDepth"));
		for (String depth : List.of("0", "7", "-1", "99999999999999999999", "six", "1.5", " 3", "3 ")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> this.findPath.find(this.ada, false,
						FindPath.Query.parse(this.ada.toString(), this.bob.toString(), depth)))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("maxDepth"));
		}
	}

}
