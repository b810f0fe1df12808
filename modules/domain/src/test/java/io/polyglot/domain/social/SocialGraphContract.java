package io.polyglot.domain.social;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link SocialGraph} implementation must do, run by each implementation's
 * integration test against its real store. Every test makes people with fresh random ids,
 * so tests sharing one store never see each other's people.
 */
public abstract class SocialGraphContract {

	protected abstract SocialGraph graph();

	/** How many FRIEND relationships the store holds between the two, either way. */
	protected abstract long storedFriendships(CustomerId one, CustomerId other);

	/** How many person nodes the store holds with this id. */
	protected abstract long storedPeople(CustomerId id);

	protected Person person(String username) {
		Person person = new Person(CustomerId.random(), username);
		graph().recordPeople(List.of(person));
		return person;
	}

	@Test
	protected void recordingAPersonAgainChangesNothing() {
		Person ada = new Person(CustomerId.random(), "ada");
		graph().recordPeople(List.of(ada, ada));
		graph().recordPeople(List.of(ada));

		assertThat(graph().person(ada.id())).contains(ada);
		assertThat(storedPeople(ada.id())).isOne();
		assertThat(graph().person(CustomerId.random())).isEmpty();
	}

	@Test
	protected void valuesAreParametersNeverQueryText() {
		Person hostile = new Person(CustomerId.random(), "x' OR 1=1 //}) MATCH (n) DETACH DELETE n //");
		Person other = person("other");
		graph().recordPeople(List.of(hostile));

		assertThat(graph().person(hostile.id())).contains(hostile);
		assertThat(graph().person(other.id())).contains(other);
	}

	@Test
	protected void friendshipIsSymmetricStoredOnceAndIdempotent() {
		Person ada = person("ada");
		Person bob = person("bob");

		assertThat(graph().addFriendship(ada.id(), bob.id())).isEqualTo(FriendshipChange.CHANGED);
		assertThat(graph().addFriendship(ada.id(), bob.id())).isEqualTo(FriendshipChange.UNCHANGED);
		assertThat(graph().addFriendship(bob.id(), ada.id())).isEqualTo(FriendshipChange.UNCHANGED);

		assertThat(storedFriendships(ada.id(), bob.id())).isOne();
		assertThat(graph().friendIds(ada.id())).containsExactly(bob.id());
		assertThat(graph().friendIds(bob.id())).containsExactly(ada.id());

		assertThat(graph().removeFriendship(bob.id(), ada.id())).isEqualTo(FriendshipChange.CHANGED);
		assertThat(graph().removeFriendship(ada.id(), bob.id())).isEqualTo(FriendshipChange.UNCHANGED);
		assertThat(storedFriendships(ada.id(), bob.id())).isZero();
		assertThat(graph().friendIds(ada.id())).isEmpty();
	}

	@Test
	protected void concurrentAddsOfOnePairStoreItOnce() throws Exception {
		Person ada = person("ada");
		Person bob = person("bob");
		List<Callable<FriendshipChange>> adds = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			boolean forward = i % 2 == 0;
			adds.add(() -> forward ? graph().addFriendship(ada.id(), bob.id())
					: graph().addFriendship(bob.id(), ada.id()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<FriendshipChange> results = new ArrayList<>();
		try {
			for (Future<FriendshipChange> result : pool.invokeAll(adds)) {
				results.add(result.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(results).filteredOn((change) -> change == FriendshipChange.CHANGED).hasSize(1);
		assertThat(storedFriendships(ada.id(), bob.id())).isOne();
	}

	@Test
	protected void changesWithAMissingPersonChangeNothing() {
		Person ada = person("ada");
		CustomerId absent = CustomerId.random();

		assertThat(graph().addFriendship(ada.id(), absent)).isEqualTo(FriendshipChange.PERSON_MISSING);
		assertThat(graph().addFriendship(absent, ada.id())).isEqualTo(FriendshipChange.PERSON_MISSING);
		assertThat(graph().removeFriendship(ada.id(), absent)).isEqualTo(FriendshipChange.PERSON_MISSING);
		assertThat(graph().friendIds(ada.id())).isEmpty();
		assertThat(graph().person(absent)).isEmpty();
	}

	@Test
	protected void friendsArePagedByIdWithAKeysetCursor() {
		Person me = person("me-paged");
		Set<CustomerId> expected = new HashSet<>();
		for (int i = 0; i < 7; i++) {
			Person friend = person("friend" + i);
			graph().addFriendship(friend.id(), me.id());
			expected.add(friend.id());
		}

		List<Person> seen = new ArrayList<>();
		Cursor cursor = null;
		int pages = 0;
		do {
			Page<Person> page = graph().friends(me.id(), new PageRequest(3, cursor));
			seen.addAll(page.items());
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).extracting(Person::id).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(seen).extracting((person) -> person.id().toString()).isSorted();
		assertThat(graph().friends(me.id(), new PageRequest(7, null)).nextCursor()).isNull();
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> graph().friends(me.id(), new PageRequest(3, Cursor.encode("x' OR 1=1 //"))));
	}

	@Test
	protected void suggestionsAreFriendsOfFriendsByMutualCountThenId() {
		Person me = person("me-sugg");
		Person f1 = person("f1");
		Person f2 = person("f2");
		Person both = person("both");
		Person one = person("one");
		Person friendToo = person("friendtoo");
		for (Person friend : List.of(f1, f2, friendToo)) {
			graph().addFriendship(me.id(), friend.id());
		}
		graph().addFriendship(f1.id(), both.id());
		graph().addFriendship(f2.id(), both.id());
		graph().addFriendship(f2.id(), one.id());
		graph().addFriendship(f1.id(), friendToo.id());

		assertThat(graph().suggestions(me.id(), 10)).containsExactly(new Suggestion(both, 2), new Suggestion(one, 1));
		assertThat(graph().suggestions(me.id(), 1)).containsExactly(new Suggestion(both, 2));
		assertThat(graph().suggestions(CustomerId.random(), 10)).isEmpty();
	}

	@Test
	protected void shortestPathWithinTheDepthOnly() {
		Person a = person("path-a");
		Person b = person("path-b");
		Person c = person("path-c");
		Person d = person("path-d");
		graph().addFriendship(a.id(), b.id());
		graph().addFriendship(b.id(), c.id());
		graph().addFriendship(c.id(), d.id());
		graph().addFriendship(a.id(), c.id());

		SocialPath path = graph().shortestPath(a.id(), d.id(), new PathDepth(6)).orElseThrow();
		assertThat(path.hops()).isEqualTo(2);
		assertThat(path.people()).containsExactly(a, c, d);
		assertThat(graph().shortestPath(a.id(), d.id(), new PathDepth(2))).isPresent();
		assertThat(graph().shortestPath(a.id(), d.id(), new PathDepth(1))).isEmpty();
		assertThat(graph().shortestPath(a.id(), CustomerId.random(), new PathDepth(6))).isEmpty();
	}

}
