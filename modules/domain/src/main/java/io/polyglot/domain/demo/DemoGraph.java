package io.polyglot.domain.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated friendship graph, the same in every store: people 1..people, each linked to
 * {@code friendsEach} others drawn with a fixed seed (so a reload gives the same graph).
 *
 * @param people how many people
 * @param friendsEach friendships each person starts
 * @param seed the random seed
 * @param edges undirected friendships as pairs {low, high}, each once
 */
public record DemoGraph(int people, int friendsEach, long seed, List<int[]> edges) {

	/** The graph of demo 5. */
	public static DemoGraph standard() {
		return generate(5_000, 5, 42);
	}

	public static DemoGraph generate(int people, int friendsEach, long seed) {
		Random random = new Random(seed);
		Set<Long> seen = new HashSet<>();
		List<int[]> edges = new ArrayList<>();
		for (int person = 1; person <= people; person++) {
			int made = 0;
			while (made < friendsEach) {
				int other = 1 + random.nextInt(people);
				if (other == person) {
					continue;
				}
				int low = Math.min(person, other);
				int high = Math.max(person, other);
				if (seen.add((long) low * (people + 1) + high)) {
					edges.add(new int[] { low, high });
				}
				made++;
			}
		}
		return new DemoGraph(people, friendsEach, seed, List.copyOf(edges));
	}

	/** A short fingerprint that tells one generated graph from another. */
	public String fingerprint() {
		return this.people + "x" + this.friendsEach + "@" + this.seed + ":" + this.edges.size();
	}

}
