package io.polyglot.domain.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a store did for one part of a demo: the statements sent and the figures they
 * produced (counts, totals), keyed by name.
 */
public record Played(List<DemoStep> steps, Map<String, Object> findings) {

	public Played {
		steps = List.copyOf(steps);
		findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
	}

}
