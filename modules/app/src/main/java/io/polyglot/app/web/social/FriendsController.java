package io.polyglot.app.web.social;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.app.web.social.SocialDtos.FriendListResponse;
import io.polyglot.app.web.social.SocialDtos.SuggestionListResponse;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.QueryNumbers;
import io.polyglot.domain.social.ChangeFriendship;
import io.polyglot.domain.social.ListFriends;
import io.polyglot.domain.social.SuggestFriends;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's friendships: add and remove (both idempotent, 204 either way), the paged
 * friends list, and friends-of-friends suggestions. Ids and numbers arrive as text and
 * are parsed here, by the domain's parsers, so a malformed one is a 400 naming its field.
 */
@RestController
@RequestMapping("/api/v1/friends")
public class FriendsController {

	private final ChangeFriendship changeFriendship;

	private final ListFriends listFriends;

	private final SuggestFriends suggestFriends;

	public FriendsController(ChangeFriendship changeFriendship, ListFriends listFriends,
			SuggestFriends suggestFriends) {
		this.changeFriendship = changeFriendship;
		this.listFriends = listFriends;
		this.suggestFriends = suggestFriends;
	}

	@PutMapping("/{customerId}")
	ResponseEntity<Void> add(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String customerId) {
		this.changeFriendship.add(caller.customerId(), CustomerId.parse(customerId));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{customerId}")
	ResponseEntity<Void> remove(@AuthenticationPrincipal SessionPrincipal caller, @PathVariable String customerId) {
		this.changeFriendship.remove(caller.customerId(), CustomerId.parse(customerId));
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	FriendListResponse list(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return FriendListResponse.of(this.listFriends.list(caller.customerId(), PageRequest.parse(limit, cursor)));
	}

	@GetMapping("/suggestions")
	SuggestionListResponse suggestions(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable String limit) {
		return SuggestionListResponse.of(this.suggestFriends.suggest(caller.customerId(),
				QueryNumbers.parse("limit", limit, 1, SuggestFriends.MAX_LIMIT)));
	}

}
