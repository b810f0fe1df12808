package io.polyglot.domain.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link FriendGraphPlayground} must do, run against the in-memory fake and
 * each real graph: the people reached within a depth are the distinct people a
 * breadth-first walk of the generated graph finds, without the start; a graph is loaded
 * once until another one (or a reset) replaces it. Small generated graphs keep the loads
 * short.
 */
public abstract class FriendGraphPlaygroundContract {

	private static final DemoGraph SMALL = DemoGraph.generate(60, 2, 7);

	private static final DemoGraph OTHER = DemoGraph.generate(30, 1, 9);

	protected abstract FriendGraphPlayground playground();

	/** The distinct people within {@code depth} hops of the person, not the person. */
	private static long expectedReach(DemoGraph graph, int person, int depth) {
		Map<Integer, Set<Integer>> friends = new HashMap<>();
		for (int[] edge : graph.edges()) {
			friends.computeIfAbsent(edge[0], (id) -> new HashSet<>()).add(edge[1]);
			friends.computeIfAbsent(edge[1], (id) -> new HashSet<>()).add(edge[0]);
		}
		Set<Integer> seen = new HashSet<>(Set.of(person));
		Deque<Integer> frontier = new ArrayDeque<>(List.of(person));
		for (int hop = 0; hop < depth; hop++) {
			Deque<Integer> next = new ArrayDeque<>();
			for (int id : frontier) {
				for (int friend : friends.getOrDefault(id, Set.of())) {
					if (seen.add(friend)) {
						next.add(friend);
					}
				}
			}
			frontier = next;
		}
		return seen.size() - 1;
	}

	private long reached(int person, int depth) {
		Object reached = playground().reachable(person, depth).findings().get("reached");
		assertThat(reached).isInstanceOf(Number.class);
		return ((Number) reached).longValue();
	}

	@Test
	protected void thePeopleReachedAreTheDistinctPeopleWithinTheDepthButNotTheStart() {
		playground().ensureLoaded(SMALL);

		for (int person : new int[] { 1, 17, 60 }) {
			for (int depth = 1; depth <= 4; depth++) {
				assertThat(reached(person, depth)).as("person %d, depth %d", person, depth)
					.isEqualTo(expectedReach(SMALL, person, depth));
			}
		}
	}

	@Test
	protected void theSameGraphIsLoadedOnlyOnce() {
		playground().ensureLoaded(SMALL);

		assertThat(playground().ensureLoaded(SMALL).steps()).isEmpty();
	}

	@Test
	protected void anotherGraphReplacesTheLoadedOne() {
		playground().ensureLoaded(SMALL);

		assertThat(playground().ensureLoaded(OTHER).steps()).isNotEmpty();

		assertThat(reached(1, 3)).isEqualTo(expectedReach(OTHER, 1, 3));
		assertThat(reached(30, 2)).isEqualTo(expectedReach(OTHER, 30, 2));
	}

	@Test
	protected void afterAResetTheGraphIsLoadedAgain() {
		playground().ensureLoaded(SMALL);
		playground().reset();

		assertThat(playground().ensureLoaded(SMALL).steps()).isNotEmpty();
		assertThat(reached(1, 2)).isEqualTo(expectedReach(SMALL, 1, 2));
	}

}
