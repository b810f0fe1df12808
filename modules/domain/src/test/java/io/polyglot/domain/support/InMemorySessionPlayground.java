package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.demo.DemoStep;
import io.polyglot.domain.demo.Played;
import io.polyglot.domain.demo.SessionPlayground;
import io.polyglot.domain.shared.Clock;

/**
 * Demo sessions as values that expire at their time to live, and a per-country index kept
 * beside them that, as in Redis, keeps members whose session expired.
 */
public final class InMemorySessionPlayground implements SessionPlayground {

	private record Entry(int customerId, String country, Instant expires) {
	}

	private final Clock clock;

	private final Map<String, Entry> sessions = new HashMap<>();

	private final Map<String, Set<String>> byCountry = new HashMap<>();

	public InMemorySessionPlayground(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String store() {
		return "memory";
	}

	@Override
	public synchronized Played start(String token, int customerId, String country, int ttlSeconds) {
		this.sessions.put(token, new Entry(customerId, country, this.clock.now().plusSeconds(ttlSeconds)));
		this.byCountry.computeIfAbsent(country, (code) -> new HashSet<>()).add(token);
		return played("set " + token, "OK", Map.of("key", token));
	}

	@Override
	public synchronized Played read(String token) {
		Entry entry = live(token);
		long ttl = (entry != null) ? Math.max(1, Duration.between(this.clock.now(), entry.expires()).toSeconds()) : -2;
		return played("get " + token, (entry != null) ? "found" : "(nil)",
				Map.of("found", entry != null, "ttlSeconds", ttl));
	}

	@Override
	public synchronized Played sessionsIn(String country) {
		List<String> live = this.sessions.keySet().stream().filter((token) -> live(token) != null).toList();
		long matches = live.stream().filter((token) -> this.sessions.get(token).country().equals(country)).count();
		Set<String> members = this.byCountry.getOrDefault(country, Set.of());
		long liveMembers = members.stream().filter((token) -> live(token) != null).count();
		return played("scan, then the index", matches + " sessions",
				Map.of("keysScanned", live.size(), "matchesByScan", matches, "indexMembers", members.size(),
						"liveIndexMembers", liveMembers, "staleIndexMembers", members.size() - liveMembers));
	}

	@Override
	public synchronized void reset() {
		this.sessions.clear();
		this.byCountry.clear();
	}

	private Entry live(String token) {
		Entry entry = this.sessions.get(token);
		return (entry != null && entry.expires().isAfter(this.clock.now())) ? entry : null;
	}

	private Played played(String statement, String result, Map<String, Object> findings) {
		return new Played(List.of(new DemoStep(store(), statement, Map.of(), DemoStep.Outcome.OK, result, 0)),
				findings);
	}

}
