package io.polyglot.domain.demo;

/**
 * Port of demo 5: one generated friendship graph loaded into a store, and the number of
 * people within a depth of one person.
 */
public interface FriendGraphPlayground extends DemoData {

	/** Loads the graph unless this exact graph is loaded already. */
	Played ensureLoaded(DemoGraph graph);

	/**
	 * Counts the distinct people (not the start) reachable within {@code depth} hops;
	 * finding {@code reached}.
	 */
	Played reachable(int person, int depth);

}
