package io.polyglot.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social graph end to end over HTTP: customers registered through the API, projected
 * into Neo4j through the projection bean, then befriended, listed, suggested and linked
 * by paths, with the friendship events recorded in the PostgreSQL outbox.
 */
class SocialGraphIT extends SocialTestSupport {

	@Test
	void friendshipIsSymmetricIdempotentAndRecordedOnce() {
		Member ada = member("ada");
		Member bob = member("bob");

		befriend(ada, bob.id()).expectStatus().isNoContent();
		befriend(ada, bob.id()).expectStatus().isNoContent();
		befriend(bob, ada.id()).expectStatus().isNoContent();

		assertThat(friendIds(ada)).containsExactly(bob.id());
		assertThat(friendIds(bob)).containsExactly(ada.id());
		assertThat(outboxEvents(ada, "FriendshipAdded")).singleElement()
			.isEqualTo(Map.of("owner", ada.id(), "customer_id", ada.id(), "friend_id", bob.id()));
		assertThat(outboxEvents(bob, "FriendshipAdded")).isEmpty();

		unfriend(bob, ada.id()).expectStatus().isNoContent();
		unfriend(bob, ada.id()).expectStatus().isNoContent();
		unfriend(ada, bob.id()).expectStatus().isNoContent();

		assertThat(friendIds(ada)).isEmpty();
		assertThat(friendIds(bob)).isEmpty();
		assertThat(outboxEvents(bob, "FriendshipRemoved")).singleElement()
			.isEqualTo(Map.of("owner", bob.id(), "customer_id", bob.id(), "friend_id", ada.id()));
		assertThat(outboxEvents(ada, "FriendshipRemoved")).isEmpty();
	}

	@Test
	void friendsArePagedWithACursor() {
		Member ada = member("pager");
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Member friend = member("pal");
			friends(friend, ada);
			expected.add(friend.id());
		}

		List<Object> seen = new ArrayList<>();
		String next = null;
		int pages = 0;
		do {
			Map<String, Object> page = okBody(
					get("/api/v1/friends?limit=2" + ((next != null) ? "&cursor=" + next : ""), ada.token()));
			assertThat(page).containsKey("nextCursor");
			for (Map<String, Object> item : items(page)) {
				assertThat(item).containsOnlyKeys("id", "username");
				seen.add(item.get("id"));
			}
			next = (String) page.get("nextCursor");
			pages++;
		}
		while (next != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
	}

	@Test
	void suggestionsAreFriendsOfFriendsMostMutualFirst() {
		Member ada = member("ada");
		Member bob = member("bob");
		Member eve = member("eve");
		Member cyd = member("cyd");
		Member dan = member("dan");
		friends(ada, bob);
		friends(ada, eve);
		friends(bob, cyd);
		friends(eve, cyd);
		friends(bob, dan);

		List<Map<String, Object>> suggestions = items(okBody(get("/api/v1/friends/suggestions", ada.token())));

		assertThat(suggestions).containsExactly(Map.of("id", cyd.id(), "username", cyd.username(), "mutualFriends", 2),
				Map.of("id", dan.id(), "username", dan.username(), "mutualFriends", 1));
		assertThat(items(okBody(get("/api/v1/friends/suggestions?limit=1", ada.token())))).extracting("id")
			.containsExactly(cyd.id());
		// cyd's friends are bob and eve: ada is a friend of both, dan of bob only
		assertThat(items(okBody(get("/api/v1/friends/suggestions", cyd.token())))).extracting("id")
			.containsExactly(ada.id(), dan.id());
	}

	@Test
	void pathIsTheShortestChainWithinMaxDepth() {
		Member ada = member("ada");
		Member bob = member("bob");
		Member cyd = member("cyd");
		Member dan = member("dan");
		friends(ada, bob);
		friends(bob, cyd);
		friends(cyd, dan);
		friends(bob, dan);

		Map<String, Object> path = okBody(get(pathUri(ada.id(), dan.id(), null), ada.token()));
		assertThat(path.get("hops")).isEqualTo(2);
		assertThat(path.get("path")).isEqualTo(List.of(Map.of("id", ada.id(), "username", ada.username()),
				Map.of("id", bob.id(), "username", bob.username()),
				Map.of("id", dan.id(), "username", dan.username())));
		assertThat(okBody(get(pathUri(ada.id(), dan.id(), "2"), ada.token())).get("hops")).isEqualTo(2);

		Map<String, Object> none = problem(get(pathUri(ada.id(), dan.id(), "1"), ada.token()), 404);
		assertThat((String) none.get("detail")).contains("No path");

		Map<String, Object> self = okBody(get(pathUri(ada.id(), ada.id(), null), ada.token()));
		assertThat(self.get("hops")).isEqualTo(0);
		assertThat(self.get("path")).isEqualTo(List.of(Map.of("id", ada.id(), "username", ada.username())));
	}

	@Test
	void pathsStartOnlyAtTheCallerUnlessAdmin() {
		Member ada = member("ada");
		Member bob = member("bob");
		Member eve = member("eve");
		friends(ada, bob);

		problem(get(pathUri(ada.id(), bob.id(), null), eve.token()), 404);

		String admin = login(ADMIN_USERNAME, ADMIN_PASSWORD);
		assertThat(okBody(get(pathUri(ada.id(), bob.id(), null), admin)).get("hops")).isEqualTo(1);
	}

	@Test
	void aCustomerNotInTheGraphYetIsAConflictToRetry() {
		Member ada = member("ada");
		Member pending = registeredWithoutEvent("pending");

		Map<String, Object> conflict = problem(befriend(ada, pending.id()), 409);
		assertThat((String) conflict.get("detail")).contains("not in the social graph yet", "retry shortly");
		problem(befriend(pending, ada.id()), 409);
		problem(get(pathUri(ada.id(), pending.id(), null), ada.token()), 409);
		assertThat(friendIds(pending)).isEmpty();
		assertThat(items(okBody(get("/api/v1/friends/suggestions", pending.token())))).isEmpty();

		project(pending);
		befriend(ada, pending.id()).expectStatus().isNoContent();
		assertThat(friendIds(pending)).containsExactly(ada.id());
		assertThat(outboxEvents(ada, "FriendshipAdded")).hasSize(1);
	}

	@Test
	void unknownCustomersAreNotFound() {
		Member ada = member("ada");
		String stranger = UUID.randomUUID().toString();

		problem(befriend(ada, stranger), 404);
		problem(unfriend(ada, stranger), 404);
		problem(get(pathUri(ada.id(), stranger, null), ada.token()), 404);
		assertThat(outboxEvents(ada, "FriendshipAdded")).isEmpty();
	}

	@Test
	void befriendingYourselfIsRefused() {
		Member ada = member("ada");

		Map<String, Object> refused = problem(befriend(ada, ada.id()), 422);
		assertThat((String) refused.get("detail")).contains("own friend");
		problem(unfriend(ada, ada.id().toUpperCase()), 422);
		assertThat(friendIds(ada)).isEmpty();
		assertThat(outboxEvents(ada, "FriendshipAdded")).isEmpty();
	}

	@Test
	void everySocialEndpointNeedsASignedInCaller() {
		String someone = UUID.randomUUID().toString();
		problem(this.http.put().uri("/api/v1/friends/{id}", someone).exchange(), 401);
		problem(this.http.delete().uri("/api/v1/friends/{id}", someone).exchange(), 401);
		problem(this.http.get().uri("/api/v1/friends").exchange(), 401);
		problem(this.http.get().uri("/api/v1/friends/suggestions").exchange(), 401);
		problem(this.http.get().uri("/api/v1/customers/{id}/path?to={to}", someone, someone).exchange(), 401);
		problem(get("/api/v1/friends", "not-a-valid-token"), 401);
	}

	static String pathUri(String from, String to, String maxDepth) {
		return "/api/v1/customers/" + from + "/path?to=" + to + ((maxDepth != null) ? "&maxDepth=" + maxDepth : "");
	}

}
