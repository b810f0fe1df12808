package io.polyglot.domain.demo;

/**
 * Port of demo 7: the same query before and after adding an index, each with its plan and
 * its time.
 */
public interface IndexPlayground extends DemoData {

	/**
	 * Drops the index, explains and times the query, creates the index, explains and
	 * times it again; findings {@code beforeMillis}, {@code afterMillis},
	 * {@code planBefore}, {@code planAfter}, {@code rows}.
	 */
	Played beforeAndAfter();

}
