package io.polyglot.app.web.social;

import java.util.List;

import io.polyglot.domain.shared.Page;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialPath;
import io.polyglot.domain.social.Suggestion;
import org.jspecify.annotations.Nullable;

/** The social graph's response bodies, as the API contract names their fields. */
public final class SocialDtos {

	private SocialDtos() {
	}

	/** A person: id and username only. */
	public record PersonResponse(String id, String username) {

		static PersonResponse of(Person person) {
			return new PersonResponse(person.id().toString(), person.username());
		}

	}

	/** One page of the caller's friends. */
	public record FriendListResponse(List<PersonResponse> items, @Nullable String nextCursor) {

		static FriendListResponse of(Page<Person> page) {
			return new FriendListResponse(page.items().stream().map(PersonResponse::of).toList(),
					(page.nextCursor() != null) ? page.nextCursor().value() : null);
		}

	}

	/** Friends of friends with their mutual-friend counts, most mutual first. */
	public record SuggestionListResponse(List<SuggestionResponse> items) {

		static SuggestionListResponse of(List<Suggestion> suggestions) {
			return new SuggestionListResponse(suggestions.stream()
				.map((suggestion) -> new SuggestionResponse(suggestion.person().id().toString(),
						suggestion.person().username(), suggestion.mutualFriends()))
				.toList());
		}

	}

	/** One suggestion. */
	public record SuggestionResponse(String id, String username, int mutualFriends) {

	}

	/**
	 * A shortest path: the friendships walked and the people on it, both ends included.
	 */
	public record PathResponse(int hops, List<PersonResponse> path) {

		static PathResponse of(SocialPath path) {
			return new PathResponse(path.hops(), path.people().stream().map(PersonResponse::of).toList());
		}

	}

}
