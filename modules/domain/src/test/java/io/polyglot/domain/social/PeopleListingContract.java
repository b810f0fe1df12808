package io.polyglot.domain.social;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link PeopleListing} must do, run against the in-memory fake and each real
 * social graph: every person once, ordered by id text, a page at a time. The store is
 * shared by the whole test JVM, so each test records people whose ids share a fresh
 * prefix and starts its walk just before that prefix.
 */
public abstract class PeopleListingContract {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Where the people are recorded. */
	protected abstract SocialGraph graph();

	/** The listing of the same graph. */
	protected abstract PeopleListing listing();

	/** Ids that share a fresh random 8-hex-digit prefix, in random order. */
	private static List<CustomerId> idsWithPrefix(String prefix, int count) {
		List<CustomerId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String rest = UUID.randomUUID().toString().substring(8);
			ids.add(CustomerId.parse(prefix + rest));
		}
		return ids;
	}

	private static String freshPrefix() {
		byte[] bytes = new byte[4];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static Cursor justBefore(String prefix) {
		return Cursor.encode(prefix + "-0000-0000-0000-000000000000");
	}

	private List<Person> record(List<CustomerId> ids) {
		List<Person> people = ids.stream()
			.map((id) -> new Person(id, "user-" + id.toString().substring(9, 13)))
			.toList();
		graph().recordPeople(people);
		return people;
	}

	/** The people from the cursor on whose id starts with the prefix, page by page. */
	private List<Person> walk(String prefix, int limit) {
		List<Person> seen = new ArrayList<>();
		Cursor cursor = justBefore(prefix);
		while (cursor != null) {
			Page<Person> page = listing().people(new PageRequest(limit, cursor));
			assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
			if (page.nextCursor() != null) {
				assertThat(page.items()).as("a page with a next cursor is full").hasSize(limit);
			}
			List<Person> ours = page.items().stream().filter((p) -> p.id().toString().startsWith(prefix)).toList();
			seen.addAll(ours);
			// past the prefix: every later page holds larger ids only
			cursor = (ours.size() < page.items().size()) ? null : page.nextCursor();
		}
		return seen;
	}

	private static List<Person> byIdText(List<Person> people) {
		return people.stream().sorted((a, b) -> a.id().toString().compareTo(b.id().toString())).toList();
	}

	@Test
	protected void everyPersonComesOnceOrderedByIdAcrossPages() {
		String prefix = freshPrefix();
		List<Person> people = record(idsWithPrefix(prefix, 7));

		assertThat(walk(prefix, 2)).containsExactlyElementsOf(byIdText(people));
		assertThat(walk(prefix, 100)).containsExactlyElementsOf(byIdText(people));
	}

	@Test
	protected void aPageStartsAfterTheIdItsCursorNames() {
		String prefix = freshPrefix();
		List<Person> sorted = byIdText(record(idsWithPrefix(prefix, 4)));

		Page<Person> page = listing().people(new PageRequest(2, Cursor.encode(sorted.get(1).id().toString())));

		assertThat(page.items()).startsWith(sorted.get(2), sorted.get(3));
	}

	@Test
	protected void aPersonRecordedAgainIsListedOnceWithTheNewUsername() {
		String prefix = freshPrefix();
		CustomerId id = idsWithPrefix(prefix, 1).get(0);
		graph().recordPeople(List.of(new Person(id, "before")));
		graph().recordPeople(List.of(new Person(id, "after")));

		assertThat(walk(prefix, 10)).containsExactly(new Person(id, "after"));
	}

	@Test
	protected void theLastPageHasNoCursor() {
		// no random id reaches this prefix, so the walk ends at the graph's end
		String prefix = "ffffffff";
		List<Person> people = record(List.of(CustomerId.parse("ffffffff-ffff-4fff-bfff-" + freshPrefix() + "0000")));

		Page<Person> last = listing().people(new PageRequest(100, justBefore(prefix)));

		assertThat(last.items()).containsAll(people);
		assertThat(last.nextCursor()).isNull();
	}

	@Test
	protected void aCursorThatNamesNoIdIsAValidationError() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> listing().people(new PageRequest(10, Cursor.encode("not-an-id"))));
	}

}
