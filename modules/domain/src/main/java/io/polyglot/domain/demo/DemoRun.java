package io.polyglot.domain.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of one demo run: every statement sent (in order), the figures that make the
 * point, and a paragraph saying what they show.
 *
 * @param demo the demo's id (integrity, documents, ...)
 * @param steps every statement sent, in the order sent
 * @param findings the figures of the run, keyed by name
 * @param explanation what the run shows, in one paragraph
 */
public record DemoRun(String demo, List<DemoStep> steps, Map<String, Object> findings, String explanation) {

	public DemoRun {
		steps = List.copyOf(steps);
		findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
	}

}
