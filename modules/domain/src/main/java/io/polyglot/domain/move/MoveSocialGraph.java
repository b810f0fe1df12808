package io.polyglot.domain.move;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.social.FriendshipChange;
import io.polyglot.domain.social.PeopleListing;
import io.polyglot.domain.social.Person;
import io.polyglot.domain.social.SocialGraph;
import org.jspecify.annotations.Nullable;

/**
 * Copies the social graph (people, then every friendship) from one store to another,
 * keeping ids. Both stages read people in id order, a page at a time, and checkpoint the
 * cursor after each page; every write is idempotent (a person recorded again, a
 * friendship added again changes nothing), so a resumed run simply repeats at most one
 * page. At the end both sides are counted: people, friendships, and each person's friends
 * compared. Run it while nothing writes the graph.
 */
public final class MoveSocialGraph {

	private static final int PAGE = PageRequest.MAX_LIMIT;

	private final String name;

	private final SocialGraph source;

	private final PeopleListing sourcePeople;

	private final SocialGraph target;

	private final PeopleListing targetPeople;

	private final MoveCheckpoints checkpoints;

	public MoveSocialGraph(String name, SocialGraph source, PeopleListing sourcePeople, SocialGraph target,
			PeopleListing targetPeople, MoveCheckpoints checkpoints) {
		this.name = Objects.requireNonNull(name, "name");
		this.source = source;
		this.sourcePeople = sourcePeople;
		this.target = target;
		this.targetPeople = targetPeople;
		this.checkpoints = checkpoints;
	}

	public MoveReport run() {
		MoveCheckpoints.Checkpoint at = this.checkpoints.find(this.name)
			.orElse(new MoveCheckpoints.Checkpoint(this.name, "people", null, 0, false));
		boolean resumed = at.copied() > 0 || !at.stage().equals("people") || at.finished();
		long copiedNow = 0;
		long total = at.copied();
		if (!at.finished() && !at.stage().equals("done")) {
			String stage = at.stage();
			String position = at.position();
			if (stage.equals("people")) {
				do {
					Page<Person> page = this.sourcePeople.people(page(position));
					this.target.recordPeople(page.items());
					copiedNow += page.items().size();
					total += page.items().size();
					position = next(page);
					this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, "people", position, total, false));
				}
				while (position != null);
				stage = "friendships";
				this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, stage, null, total, false));
			}
			do {
				Page<Person> page = this.sourcePeople.people(page(position));
				for (Person person : page.items()) {
					for (CustomerId friend : this.source.friendIds(person.id())) {
						// each pair once, from its lower id
						if (person.id().toString().compareTo(friend.toString()) < 0
								&& this.target.addFriendship(person.id(), friend) == FriendshipChange.CHANGED) {
							copiedNow++;
							total++;
						}
					}
				}
				position = next(page);
				this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, "friendships", position, total, false));
			}
			while (position != null);
		}
		MoveReport report = verify(copiedNow, total, resumed);
		this.checkpoints.save(new MoveCheckpoints.Checkpoint(this.name, "done", null, total, report.verified()));
		return report;
	}

	private MoveReport verify(long copiedNow, long total, boolean resumed) {
		List<String> differences = new ArrayList<>();
		Map<String, Long> source = new LinkedHashMap<>(Map.of("people", 0L, "friendships", 0L));
		Map<String, Long> target = new LinkedHashMap<>(Map.of("people", 0L, "friendships", 0L));
		count(this.targetPeople, this.target, target, null);
		count(this.sourcePeople, this.source, source, differences);
		return new MoveReport(this.name, copiedNow, total, resumed, source, target, differences);
	}

	/**
	 * Counts people and friendship pairs; with {@code differences}, compares each person.
	 */
	private void count(PeopleListing people, SocialGraph graph, Map<String, Long> counts,
			@Nullable List<String> differences) {
		String position = null;
		do {
			Page<Person> page = people.people(page(position));
			for (Person person : page.items()) {
				counts.merge("people", 1L, Long::sum);
				var friends = graph.friendIds(person.id());
				counts.merge("friendships",
						friends.stream().filter((f) -> person.id().toString().compareTo(f.toString()) < 0).count(),
						Long::sum);
				if (differences != null) {
					if (!this.target.person(person.id()).equals(java.util.Optional.of(person))) {
						differences.add("person " + person.id() + " is missing or differs in the target");
					}
					else if (!this.target.friendIds(person.id()).equals(friends)) {
						differences.add("person " + person.id() + " has other friends in the target");
					}
				}
			}
			position = next(page);
		}
		while (position != null);
	}

	private static PageRequest page(@Nullable String position) {
		return new PageRequest(PAGE, (position != null) ? Cursor.of(position) : null);
	}

	private static @Nullable String next(Page<Person> page) {
		return (page.nextCursor() != null) ? page.nextCursor().value() : null;
	}

}
