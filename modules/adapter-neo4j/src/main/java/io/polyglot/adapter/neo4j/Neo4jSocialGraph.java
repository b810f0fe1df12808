package io.polyglot.adapter.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;

/**
 * The social graph in Neo4j: {@code (:Person {id, username})} nodes and one
 * {@code FRIEND} relationship per pair, directed from the smaller id to the larger and
 * always matched undirected. Every value travels as a query parameter; the only text
 * written into a query is the path depth, an int the domain has bounded to 1..6.
 */
final class Neo4jSocialGraph implements SocialGraph, PeopleListing {

	static final String RECORD_PEOPLE = """
			UNWIND $people AS person
			MERGE (p:Person {id: person.id})
			SET p.username = person.username""";

	static final String PERSON = "MATCH (p:Person {id: $id}) RETURN p.id AS id, p.username AS username";

	// the throw-away property write takes both nodes' write locks, always in id order,
	// so concurrent requests for one pair serialize and MERGE cannot create it twice
	static final String ADD_FRIENDSHIP = """
			MATCH (low:Person {id: $low})
			MATCH (high:Person {id: $high})
			SET low._lock = true, high._lock = true
			REMOVE low._lock, high._lock
			MERGE (low)-[:FRIEND]->(high)
			RETURN true AS found""";

	static final String REMOVE_FRIENDSHIP = """
			MATCH (low:Person {id: $low})
			MATCH (high:Person {id: $high})
			OPTIONAL MATCH (low)-[friendship:FRIEND]-(high)
			DELETE friendship
			RETURN true AS found""";

	static final String FRIENDS_PAGE = """
			MATCH (:Person {id: $id})-[:FRIEND]-(friend:Person)
			WHERE friend.id > $after
			RETURN friend.id AS id, friend.username AS username
			ORDER BY friend.id
			LIMIT $limit""";

	static final String PEOPLE_PAGE = """
			MATCH (person:Person) WHERE person.id > $after
			RETURN person.id AS id, person.username AS username
			ORDER BY person.id
			LIMIT $limit""";

	static final String FRIEND_IDS = "MATCH (:Person {id: $id})-[:FRIEND]-(friend:Person) RETURN friend.id AS id";

	static final String SUGGESTIONS = """
			MATCH (me:Person {id: $id})-[:FRIEND]-(friend:Person)-[:FRIEND]-(candidate:Person)
			WHERE candidate <> me AND NOT EXISTS { (me)-[:FRIEND]-(candidate) }
			WITH candidate, count(DISTINCT friend) AS mutualFriends
			RETURN candidate.id AS id, candidate.username AS username, mutualFriends
			ORDER BY mutualFriends DESC, id ASC
			LIMIT $limit""";

	// %d is the only placeholder and receives PathDepth.value(): an int in 1..6 by
	// construction, because Cypher cannot take a variable-length bound as a parameter
	static final String SHORTEST_PATH = """
			MATCH (start:Person {id: $from})
			MATCH (end:Person {id: $to})
			MATCH path = shortestPath((start)-[:FRIEND*..%d]-(end))
			RETURN [person IN nodes(path) | {id: person.id, username: person.username}] AS people""";

	private final Driver driver;

	private final Neo4jSchema schema;

	private final TransactionConfig transactionConfig;

	private final SessionConfig sessionConfig;

	/**
	 * The client's deadline per call: the query timeout, which the server enforces only
	 * while it runs.
	 */
	private final Duration callDeadline;

	Neo4jSocialGraph(Driver driver, Neo4jSchema schema, Duration queryTimeout) {
		this(driver, schema, queryTimeout, Neo4jDatabase.DEFAULT);
	}

	Neo4jSocialGraph(Driver driver, Neo4jSchema schema, Duration queryTimeout, Neo4jDatabase database) {
		this.driver = driver;
		this.schema = schema;
		this.transactionConfig = TransactionConfig.builder().withTimeout(queryTimeout).build();
		this.sessionConfig = database.sessionConfig();
		this.callDeadline = queryTimeout;
	}

	@Override
	public void recordPeople(Collection<Person> people) {
		List<Map<String, Object>> rows = people.stream()
			.map((person) -> Map.<String, Object>of("id", person.id().toString(), "username", person.username()))
			.toList();
		write((tx) -> tx.run(RECORD_PEOPLE, Map.of("people", rows)).consume());
	}

	@Override
	public Optional<Person> person(CustomerId id) {
		return read((tx) -> tx.run(PERSON, Map.of("id", id.toString())).list()).stream()
			.findFirst()
			.map(Neo4jSocialGraph::person);
	}

	@Override
	public FriendshipChange addFriendship(CustomerId one, CustomerId other) {
		return write((tx) -> {
			Result result = tx.run(ADD_FRIENDSHIP, pair(one, other));
			boolean found = result.hasNext();
			result.list();
			int created = result.consume().counters().relationshipsCreated();
			return change(found, created);
		});
	}

	@Override
	public FriendshipChange removeFriendship(CustomerId one, CustomerId other) {
		return write((tx) -> {
			Result result = tx.run(REMOVE_FRIENDSHIP, pair(one, other));
			boolean found = result.hasNext();
			result.list();
			int deleted = result.consume().counters().relationshipsDeleted();
			return change(found, deleted);
		});
	}

	@Override
	public Page<Person> friends(CustomerId who, PageRequest page) {
		Cursor cursor = page.cursor();
		String after = (cursor != null) ? afterId(cursor) : "";
		// one extra row says whether another page follows
		List<Person> rows = read(
				(tx) -> tx.run(FRIENDS_PAGE, Map.of("id", who.toString(), "after", after, "limit", page.limit() + 1))
					.list(Neo4jSocialGraph::person));
		if (rows.size() <= page.limit()) {
			return new Page<>(rows, null);
		}
		List<Person> items = rows.subList(0, page.limit());
		return new Page<>(items, Cursor.encode(items.get(items.size() - 1).id().toString()));
	}

	@Override
	public Page<Person> people(PageRequest page) {
		Cursor cursor = page.cursor();
		String after = (cursor != null) ? afterId(cursor) : "";
		List<Person> rows = read((tx) -> tx.run(PEOPLE_PAGE, Map.of("after", after, "limit", page.limit() + 1))
			.list(Neo4jSocialGraph::person));
		if (rows.size() <= page.limit()) {
			return new Page<>(rows, null);
		}
		List<Person> items = rows.subList(0, page.limit());
		return new Page<>(items, Cursor.encode(items.get(items.size() - 1).id().toString()));
	}

	@Override
	public Set<CustomerId> friendIds(CustomerId who) {
		return new HashSet<>(read((tx) -> tx.run(FRIEND_IDS, Map.of("id", who.toString()))
			.list((row) -> CustomerId.parse(row.get("id").asString()))));
	}

	@Override
	public List<Suggestion> suggestions(CustomerId who, int limit) {
		return read((tx) -> tx.run(SUGGESTIONS, Map.of("id", who.toString(), "limit", limit))
			.list((row) -> new Suggestion(person(row), row.get("mutualFriends").asInt())));
	}

	@Override
	public Optional<SocialPath> shortestPath(CustomerId from, CustomerId to, PathDepth maxDepth) {
		String query = SHORTEST_PATH.formatted(maxDepth.value());
		List<Record> rows = read((tx) -> tx.run(query, Map.of("from", from.toString(), "to", to.toString())).list());
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<Person> people = new ArrayList<>();
		for (Value person : rows.get(0).get("people").values()) {
			people.add(person(person));
		}
		return Optional.of(new SocialPath(people));
	}

	private <T> T read(TransactionCallback<T> work) {
		return Neo4jCalls.callWithin(this.callDeadline, () -> {
			this.schema.ensure();
			try (Session session = this.driver.session(this.sessionConfig)) {
				return session.executeRead(work, this.transactionConfig);
			}
		});
	}

	private <T> T write(TransactionCallback<T> work) {
		return Neo4jCalls.callWithin(this.callDeadline, () -> {
			this.schema.ensure();
			try (Session session = this.driver.session(this.sessionConfig)) {
				return session.executeWrite(work, this.transactionConfig);
			}
		});
	}

	/** The pair as the stored direction wants it: smaller id first. */
	private static Map<String, Object> pair(CustomerId one, CustomerId other) {
		String a = one.toString();
		String b = other.toString();
		return (a.compareTo(b) < 0) ? Map.of("low", a, "high", b) : Map.of("low", b, "high", a);
	}

	private static FriendshipChange change(boolean found, int changed) {
		if (!found) {
			return FriendshipChange.PERSON_MISSING;
		}
		return (changed > 0) ? FriendshipChange.CHANGED : FriendshipChange.UNCHANGED;
	}

	/** The id a friends page ended on; anything but a UUID is a tampered cursor. */
	private static String afterId(Cursor cursor) {
		try {
			return CustomerId.parse(cursor.decode()).toString();
		}
		catch (ValidationException ex) {
			throw Cursor.invalid();
		}
	}

	private static Person person(Record row) {
		return new Person(CustomerId.parse(row.get("id").asString()), row.get("username").asString());
	}

	private static Person person(Value map) {
		return new Person(CustomerId.parse(map.get("id").asString()), map.get("username").asString());
	}

}
