package io.polyglot.domain.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement sent to one store during a demo: its exact text, its parameters, what
 * came back (or why the store refused it) and the time it took, measured around the call.
 *
 * @param store the store, as health names it (postgres, mongodb, redis, cassandra, neo4j)
 * @param statement the statement as sent (SQL, a MongoDB or Redis command, CQL or Cypher)
 * @param parameters the bound parameters, in order
 * @param outcome whether the store accepted or refused it
 * @param result a human-readable rendering of the answer or the store's refusal
 * @param millis wall-clock time of the call in milliseconds
 */
public record DemoStep(String store, String statement, Map<String, Object> parameters, Outcome outcome, String result,
		double millis) {

	public DemoStep {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/** Whether the store accepted the statement. */
	public enum Outcome {

		/** The store executed it. */
		OK,

		/** The store refused it (a constraint, a duplicate key). */
		REFUSED

	}

}
