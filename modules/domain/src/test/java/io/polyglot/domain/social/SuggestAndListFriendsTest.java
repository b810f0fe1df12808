package io.polyglot.domain.social;

import java.util.List;

import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.QueryNumbers;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SuggestAndListFriendsTest {

	private final SocialFixture fixture = new SocialFixture();

	private final SuggestFriends suggest = new SuggestFriends(this.fixture.graph, 10);

	private final ListFriends list = new ListFriends(this.fixture.graph);

	@Test
	void suggestionsUseTheDefaultLimitAndTheAskedOne() {
		CustomerId me = this.fixture.projected("myself");
		CustomerId friend = this.fixture.projected("friend");
		this.fixture.graph.addFriendship(me, friend);
		for (int i = 0; i < 12; i++) {
			this.fixture.graph.addFriendship(friend, this.fixture.projected("fof" + i));
		}

		assertThat(this.suggest.suggest(me, QueryNumbers.parse("limit", null, 1, SuggestFriends.MAX_LIMIT)))
			.hasSize(10);
		assertThat(this.suggest.suggest(me, QueryNumbers.parse("limit", "", 1, SuggestFriends.MAX_LIMIT))).hasSize(10);
		assertThat(this.suggest.suggest(me, QueryNumbers.parse("limit", "3", 1, SuggestFriends.MAX_LIMIT))).hasSize(3)
			.allSatisfy((s) -> assertThat(s.mutualFriends()).isOne());
		assertThat(this.suggest.suggest(me, QueryNumbers.parse("limit", "100", 1, SuggestFriends.MAX_LIMIT)))
			.hasSize(12);
	}

	@Test
	void badLimitsAreNamed() {
		CustomerId me = this.fixture.projected("myself");
		for (String limit : List.of("0", "101", "-1", "99999999999", "ten", "1e2")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(
						() -> this.suggest.suggest(me, QueryNumbers.parse("limit", limit, 1, SuggestFriends.MAX_LIMIT)))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("limit"));
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> this.list.list(me, PageRequest.parse(limit, null)))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("limit"));
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.list.list(me, PageRequest.parse(null, "not a cursor!")))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("cursor"));
	}

	@Test
	void aCallerNotProjectedYetHasNoFriendsAndNoSuggestions() {
		CustomerId pending = this.fixture.registered("pending");

		assertThat(this.list.list(pending, PageRequest.parse(null, null)).items()).isEmpty();
		assertThat(this.suggest.suggest(pending, QueryNumbers.parse("limit", null, 1, SuggestFriends.MAX_LIMIT)))
			.isEmpty();
	}

}
