package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.social.FriendshipChange;
import io.polyglot.domain.social.PathDepth;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SocialPath;
import io.polyglot.domain.social.Suggestion;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The social graph in PostgreSQL: people in {@code social_people}, each friendship as two
 * rows of {@code social_friendships} (one per direction), so a person's friends are one
 * range scan of the primary key whichever side asked. Suggestions are one two-hop join.
 * <p>
 * The path search is a bidirectional breadth-first search run level by level: each level
 * is one SQL query expanding the smaller frontier by its friends, inside one read-only
 * repeatable-read transaction so every level sees the same graph. It never enumerates
 * paths (a recursive CTE does, and at depth 6 that is the number of walks, not of
 * people), so its cost grows with the people within three hops of each end.
 */
final class PostgresSocialGraph implements SocialGraph, PeopleListing {

	private static final UUID BEFORE_ALL = new UUID(0, 0);

	private static final String RECORD_PERSON = """
			INSERT INTO social_people (id, username) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username
			WHERE social_people.username IS DISTINCT FROM EXCLUDED.username""";

	private static final String PERSON = "SELECT id, username FROM social_people WHERE id = ?";

	private static final String PEOPLE_FOUND = "SELECT count(*) FROM social_people WHERE id IN (?, ?)";

	// both directions in one statement, low id first: two concurrent adds of one pair
	// take the same index entries in the same order and one of them inserts nothing
	private static final String ADD_FRIENDSHIP = """
			INSERT INTO social_friendships (person_id, friend_id)
			SELECT pair.person_id, pair.friend_id
			FROM (VALUES (?::uuid, ?::uuid, 1), (?::uuid, ?::uuid, 2)) AS pair (person_id, friend_id, n)
			WHERE (SELECT count(*) FROM social_people WHERE id IN (?, ?)) = 2
			ORDER BY pair.n
			ON CONFLICT DO NOTHING""";

	private static final String REMOVE_FRIENDSHIP = """
			DELETE FROM social_friendships
			WHERE (person_id, friend_id) IN ((?::uuid, ?::uuid), (?::uuid, ?::uuid))""";

	private static final String FRIENDS_PAGE = """
			SELECT p.id, p.username FROM social_friendships f JOIN social_people p ON p.id = f.friend_id
			WHERE f.person_id = ? AND f.friend_id > ?
			ORDER BY f.friend_id LIMIT ?""";

	private static final String FRIEND_IDS = "SELECT friend_id FROM social_friendships WHERE person_id = ?";

	private static final String SUGGESTIONS = """
			SELECT candidate.friend_id AS id, p.username, count(*) AS mutual_friends
			FROM social_friendships mine
			JOIN social_friendships candidate ON candidate.person_id = mine.friend_id
			JOIN social_people p ON p.id = candidate.friend_id
			WHERE mine.person_id = ? AND candidate.friend_id <> ?
			  AND NOT EXISTS (SELECT 1 FROM social_friendships already
			                  WHERE already.person_id = ? AND already.friend_id = candidate.friend_id)
			GROUP BY candidate.friend_id, p.username
			ORDER BY mutual_friends DESC, candidate.friend_id
			LIMIT ?""";

	// one BFS level: the frontier's friends not seen yet from this side
	private static final String EXPAND = """
			SELECT person_id, friend_id FROM social_friendships
			WHERE person_id = ANY (?) AND NOT (friend_id = ANY (?))""";

	private static final String PEOPLE_PAGE = "SELECT id, username FROM social_people WHERE id > ? ORDER BY id LIMIT ?";

	private static final String PEOPLE = "SELECT id, username FROM social_people WHERE id = ANY (?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	/**
	 * @param jdbc the PostgreSQL holding the graph
	 * @param transactionManager the transactions of that PostgreSQL, for the path
	 * search's consistent snapshot
	 */
	PostgresSocialGraph(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Over a plain DataSource's JdbcTemplate, for programs without Spring transactions.
	 */
	PostgresSocialGraph(JdbcTemplate jdbc) {
		this(jdbc, new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "dataSource")));
	}

	@Override
	public void recordPeople(Collection<Person> people) {
		// in id order, so two concurrent batches never wait on each other in a cycle
		List<Object[]> rows = people.stream()
			.sorted(Comparator.comparing((Person person) -> person.id().value()))
			.map((person) -> new Object[] { person.id().value(), person.username() })
			.toList();
		if (!rows.isEmpty()) {
			PostgresCalls.call(() -> this.jdbc.batchUpdate(RECORD_PERSON, rows));
		}
	}

	@Override
	public Optional<Person> person(CustomerId id) {
		return PostgresCalls.call(() -> this.jdbc.query(PERSON, PostgresSocialGraph::person, id.value()))
			.stream()
			.findFirst();
	}

	@Override
	public FriendshipChange addFriendship(CustomerId one, CustomerId other) {
		UUID low = low(one, other);
		UUID high = high(one, other);
		return PostgresCalls.call(() -> {
			int inserted = this.jdbc.update(ADD_FRIENDSHIP, low, high, high, low, low, high);
			if (inserted > 0) {
				return FriendshipChange.CHANGED;
			}
			return bothExist(low, high) ? FriendshipChange.UNCHANGED : FriendshipChange.PERSON_MISSING;
		});
	}

	@Override
	public FriendshipChange removeFriendship(CustomerId one, CustomerId other) {
		UUID low = low(one, other);
		UUID high = high(one, other);
		return PostgresCalls.call(() -> {
			if (!bothExist(low, high)) {
				return FriendshipChange.PERSON_MISSING;
			}
			return (this.jdbc.update(REMOVE_FRIENDSHIP, low, high, high, low) > 0) ? FriendshipChange.CHANGED
					: FriendshipChange.UNCHANGED;
		});
	}

	@Override
	public Page<Person> friends(CustomerId who, PageRequest page) {
		UUID after = (page.cursor() != null) ? afterId(page.cursor()) : BEFORE_ALL;
		// one extra row says whether another page follows
		List<Person> rows = PostgresCalls.call(
				() -> this.jdbc.query(FRIENDS_PAGE, PostgresSocialGraph::person, who.value(), after, page.limit() + 1));
		if (rows.size() <= page.limit()) {
			return new Page<>(rows, null);
		}
		List<Person> items = List.copyOf(rows.subList(0, page.limit()));
		return new Page<>(items, Cursor.encode(items.get(items.size() - 1).id().toString()));
	}

	@Override
	public Page<Person> people(PageRequest page) {
		UUID after = (page.cursor() != null) ? afterId(page.cursor()) : BEFORE_ALL;
		List<Person> rows = PostgresCalls
			.call(() -> this.jdbc.query(PEOPLE_PAGE, PostgresSocialGraph::person, after, page.limit() + 1));
		if (rows.size() <= page.limit()) {
			return new Page<>(rows, null);
		}
		List<Person> items = List.copyOf(rows.subList(0, page.limit()));
		return new Page<>(items, Cursor.encode(items.get(items.size() - 1).id().toString()));
	}

	@Override
	public Set<CustomerId> friendIds(CustomerId who) {
		return new HashSet<>(PostgresCalls.call(() -> this.jdbc.query(FRIEND_IDS,
				(row, n) -> new CustomerId(row.getObject("friend_id", UUID.class)), who.value())));
	}

	@Override
	public List<Suggestion> suggestions(CustomerId who, int limit) {
		return PostgresCalls.call(() -> this.jdbc.query(SUGGESTIONS,
				(row, n) -> new Suggestion(person(row, n), row.getInt("mutual_friends")), who.value(), who.value(),
				who.value(), limit));
	}

	@Override
	public Optional<SocialPath> shortestPath(CustomerId from, CustomerId to, PathDepth maxDepth) {
		if (from.equals(to)) {
			return person(from).map((person) -> new SocialPath(List.of(person)));
		}
		return PostgresCalls.call(() -> this.snapshot.execute((status) -> search(from.value(), to.value(), maxDepth)));
	}

	private Optional<SocialPath> search(UUID from, UUID to, PathDepth maxDepth) {
		// parent links from each end; a person reached from both sides joins the halves
		Map<UUID, UUID> fromStart = new HashMap<>(Map.of(from, from));
		Map<UUID, UUID> fromEnd = new HashMap<>(Map.of(to, to));
		Set<UUID> startFrontier = new LinkedHashSet<>(List.of(from));
		Set<UUID> endFrontier = new LinkedHashSet<>(List.of(to));
		for (int hops = 0; hops < maxDepth.value(); hops++) {
			boolean forward = startFrontier.size() <= endFrontier.size();
			Map<UUID, UUID> parents = forward ? fromStart : fromEnd;
			Map<UUID, UUID> others = forward ? fromEnd : fromStart;
			Set<UUID> next = new LinkedHashSet<>();
			UUID meeting = null;
			for (Map.Entry<UUID, UUID> edge : expand(forward ? startFrontier : endFrontier, parents.keySet())) {
				UUID friend = edge.getValue();
				if (parents.putIfAbsent(friend, edge.getKey()) == null) {
					next.add(friend);
					if (meeting == null && others.containsKey(friend)) {
						meeting = friend;
					}
				}
			}
			if (meeting != null) {
				return Optional.of(path(meeting, fromStart, fromEnd));
			}
			if (next.isEmpty()) {
				return Optional.empty();
			}
			if (forward) {
				startFrontier = next;
			}
			else {
				endFrontier = next;
			}
		}
		return Optional.empty();
	}

	/**
	 * The frontier's edges to people this side has not reached yet, in a stable order.
	 */
	private List<Map.Entry<UUID, UUID>> expand(Set<UUID> frontier, Set<UUID> seen) {
		UUID[] frontierIds = frontier.toArray(UUID[]::new);
		UUID[] seenIds = seen.toArray(UUID[]::new);
		List<Map.Entry<UUID, UUID>> edges = this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(EXPAND + " ORDER BY friend_id, person_id");
			statement.setArray(1, connection.createArrayOf("uuid", frontierIds));
			statement.setArray(2, connection.createArrayOf("uuid", seenIds));
			return statement;
		}, (row, n) -> Map.entry(row.getObject("person_id", UUID.class), row.getObject("friend_id", UUID.class)));
		return edges;
	}

	private SocialPath path(UUID meeting, Map<UUID, UUID> fromStart, Map<UUID, UUID> fromEnd) {
		Deque<UUID> ids = new ArrayDeque<>();
		for (UUID at = meeting; !fromStart.get(at).equals(at); at = fromStart.get(at)) {
			ids.addFirst(fromStart.get(at));
		}
		ids.addLast(meeting);
		for (UUID at = meeting; !fromEnd.get(at).equals(at); at = fromEnd.get(at)) {
			ids.addLast(fromEnd.get(at));
		}
		UUID[] wanted = ids.toArray(UUID[]::new);
		Map<UUID, Person> people = new HashMap<>();
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement(PEOPLE);
			statement.setArray(1, connection.createArrayOf("uuid", wanted));
			return statement;
		}, (row, n) -> people.put(row.getObject("id", UUID.class), person(row, n)));
		List<Person> path = new ArrayList<>();
		for (UUID id : wanted) {
			path.add(people.get(id));
		}
		return new SocialPath(path);
	}

	private boolean bothExist(UUID low, UUID high) {
		Long found = this.jdbc.queryForObject(PEOPLE_FOUND, Long.class, low, high);
		return found != null && found == 2;
	}

	private static UUID low(CustomerId one, CustomerId other) {
		return (one.toString().compareTo(other.toString()) <= 0) ? one.value() : other.value();
	}

	private static UUID high(CustomerId one, CustomerId other) {
		return (one.toString().compareTo(other.toString()) <= 0) ? other.value() : one.value();
	}

	/** The id a friends page ended on; anything but a UUID is a tampered cursor. */
	private static UUID afterId(Cursor cursor) {
		try {
			return CustomerId.parse(cursor.decode()).value();
		}
		catch (ValidationException ex) {
			throw Cursor.invalid();
		}
	}

	private static Person person(ResultSet row, int n) throws SQLException {
		return new Person(new CustomerId(row.getObject("id", UUID.class)), row.getString("username"));
	}

}
