package io.polyglot.domain.move;

import java.util.List;
import java.util.Map;

/**
 * What a move did: items written by this run, over all runs, the counts compared at the
 * end (source and target equal when {@link #verified()}), and any difference found.
 */
public record MoveReport(String move, long copiedNow, long copiedTotal, boolean resumed, Map<String, Long> source,
		Map<String, Long> target, List<String> differences) {

	public MoveReport {
		source = Map.copyOf(source);
		target = Map.copyOf(target);
		differences = List.copyOf(differences);
	}

	public boolean verified() {
		return this.differences.isEmpty() && this.source.equals(this.target);
	}

}
