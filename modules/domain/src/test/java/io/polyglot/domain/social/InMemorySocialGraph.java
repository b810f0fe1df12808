package io.polyglot.domain.social;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Ids;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;

/**
 * The social graph port (and its people listing) in maps, with breadth-first search for
 * paths.
 */
final class InMemorySocialGraph implements SocialGraph, PeopleListing {

	private final Map<CustomerId, Person> people = new LinkedHashMap<>();

	private final Map<CustomerId, Set<CustomerId>> friends = new HashMap<>();

	@Override
	public synchronized void recordPeople(Collection<Person> recorded) {
		recorded.forEach((person) -> this.people.put(person.id(), person));
	}

	@Override
	public synchronized Optional<Person> person(CustomerId id) {
		return Optional.ofNullable(this.people.get(id));
	}

	@Override
	public synchronized FriendshipChange addFriendship(CustomerId one, CustomerId other) {
		if (!this.people.containsKey(one) || !this.people.containsKey(other)) {
			return FriendshipChange.PERSON_MISSING;
		}
		boolean added = friendsOf(one).add(other);
		friendsOf(other).add(one);
		return added ? FriendshipChange.CHANGED : FriendshipChange.UNCHANGED;
	}

	@Override
	public synchronized FriendshipChange removeFriendship(CustomerId one, CustomerId other) {
		if (!this.people.containsKey(one) || !this.people.containsKey(other)) {
			return FriendshipChange.PERSON_MISSING;
		}
		boolean removed = friendsOf(one).remove(other);
		friendsOf(other).remove(one);
		return removed ? FriendshipChange.CHANGED : FriendshipChange.UNCHANGED;
	}

	@Override
	public synchronized Page<Person> friends(CustomerId who, PageRequest page) {
		// keyset by id text, as the Neo4j adapter pages; a cursor that is no id gets
		// a 400
		String after = (page.cursor() != null) ? afterId(page.cursor()) : null;
		List<Person> all = friendsOf(who).stream()
			.map(this.people::get)
			.sorted(byId())
			.filter((person) -> after == null || person.id().toString().compareTo(after) > 0)
			.toList();
		List<Person> items = all.subList(0, Math.min(page.limit(), all.size()));
		Cursor next = (all.size() > items.size()) ? Cursor.encode(items.get(items.size() - 1).id().toString()) : null;
		return new Page<>(items, next);
	}

	@Override
	public synchronized Page<Person> people(PageRequest page) {
		// keyset by id text, as both real graphs page
		String after = (page.cursor() != null) ? afterId(page.cursor()) : null;
		List<Person> all = this.people.values()
			.stream()
			.sorted(byId())
			.filter((person) -> after == null || person.id().toString().compareTo(after) > 0)
			.toList();
		List<Person> items = all.subList(0, Math.min(page.limit(), all.size()));
		Cursor next = (all.size() > items.size()) ? Cursor.encode(items.get(items.size() - 1).id().toString()) : null;
		return new Page<>(items, next);
	}

	/** How many friendships the fake holds between the two (0 or 1: it is symmetric). */
	synchronized long storedFriendships(CustomerId one, CustomerId other) {
		return friendsOf(one).contains(other) ? 1 : 0;
	}

	/** How many people the fake holds with this id (0 or 1: it is keyed by id). */
	synchronized long storedPeople(CustomerId id) {
		return this.people.containsKey(id) ? 1 : 0;
	}

	@Override
	public synchronized Set<CustomerId> friendIds(CustomerId who) {
		return Set.copyOf(friendsOf(who));
	}

	@Override
	public synchronized List<Suggestion> suggestions(CustomerId who, int limit) {
		Map<CustomerId, Integer> mutual = new HashMap<>();
		for (CustomerId friend : friendsOf(who)) {
			for (CustomerId candidate : friendsOf(friend)) {
				if (!candidate.equals(who) && !friendsOf(who).contains(candidate)) {
					mutual.merge(candidate, 1, Integer::sum);
				}
			}
		}
		return mutual.entrySet()
			.stream()
			.map((entry) -> new Suggestion(this.people.get(entry.getKey()), entry.getValue()))
			.sorted(Comparator.comparingInt(Suggestion::mutualFriends)
				.reversed()
				.thenComparing((suggestion) -> suggestion.person().id().toString()))
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized Optional<SocialPath> shortestPath(CustomerId from, CustomerId to, PathDepth maxDepth) {
		Map<CustomerId, CustomerId> parent = new HashMap<>();
		Set<CustomerId> seen = new HashSet<>(Set.of(from));
		Deque<CustomerId> frontier = new ArrayDeque<>(List.of(from));
		for (int depth = 0; depth < maxDepth.value() && !frontier.isEmpty(); depth++) {
			Deque<CustomerId> next = new ArrayDeque<>();
			for (CustomerId current : frontier) {
				for (CustomerId friend : friendsOf(current)) {
					if (seen.add(friend)) {
						parent.put(friend, current);
						next.add(friend);
					}
				}
			}
			if (seen.contains(to)) {
				List<Person> path = new ArrayList<>();
				for (CustomerId at = to; at != null; at = parent.get(at)) {
					path.add(0, this.people.get(at));
				}
				return Optional.of(new SocialPath(path));
			}
			frontier = next;
		}
		return Optional.empty();
	}

	private static String afterId(Cursor cursor) {
		try {
			return Ids.parseUuid("cursor", cursor.decode()).toString();
		}
		catch (ValidationException ex) {
			throw Cursor.invalid();
		}
	}

	private Set<CustomerId> friendsOf(CustomerId id) {
		return this.friends.computeIfAbsent(id, (key) -> new TreeSet<>(Comparator.comparing(CustomerId::toString)));
	}

	private static Comparator<Person> byId() {
		return Comparator.comparing((person) -> person.id().toString());
	}

}
