package io.polyglot.domain.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.demo.DemoGraph;
import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.FriendGraphPlayground;
import io.polyglot.domain.demo.Played;

/** The demo friendship graph as adjacency sets, walked breadth first. */
public final class InMemoryFriendGraph implements FriendGraphPlayground {

	private DemoGraph loaded;

	private final Map<Integer, Set<Integer>> friends = new HashMap<>();

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public synchronized Played ensureLoaded(DemoGraph graph) {
		if (this.loaded != null && this.loaded.fingerprint().equals(graph.fingerprint())) {
			return new Played(List.of(), Map.of());
		}
		this.friends.clear();
		for (int[] edge : graph.edges()) {
			this.friends.computeIfAbsent(edge[0], (id) -> new HashSet<>()).add(edge[1]);
			this.friends.computeIfAbsent(edge[1], (id) -> new HashSet<>()).add(edge[0]);
		}
		this.loaded = graph;
		return new Played(List.of(new DemoStep(store(), "load", Map.of("edges", graph.edges().size()),
				DemoStep.Outcome.OK, "graph loaded", 0)), Map.of());
	}

	@Override
	public synchronized Played reachable(int person, int depth) {
		Set<Integer> seen = new HashSet<>(Set.of(person));
		Deque<Integer> frontier = new ArrayDeque<>(List.of(person));
		for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
			Deque<Integer> next = new ArrayDeque<>();
			for (int id : frontier) {
				for (int friend : this.friends.getOrDefault(id, Set.of())) {
					if (seen.add(friend)) {
						next.add(friend);
					}
				}
			}
			frontier = next;
		}
		long reached = seen.size() - 1;
		return new Played(List.of(new DemoStep(store(), "walk", Map.of("id", person, "depth", depth),
				DemoStep.Outcome.OK, reached + " people", 0)), Map.of("reached", reached));
	}

	@Override
	public synchronized void reset() {
		this.friends.clear();
		this.loaded = null;
	}

}
