package io.polyglot.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;

/** The sessions port in a map, expiring by the clock the way the store's TTL does. */
public final class InMemorySessions implements Sessions {

	private final Map<String, Entry> byHash = new HashMap<>();

	@Override
	public void create(String tokenHash, Session session, Duration idleTimeout) {
		this.byHash.put(tokenHash,
				new Entry(session, min(session.lastSeenAt().plus(idleTimeout), session.absoluteExpiry())));
	}

	@Override
	public Optional<Session> touch(String tokenHash, Instant now, Duration idleTimeout) {
		Entry entry = this.byHash.get(tokenHash);
		if (entry == null || !now.isBefore(entry.expiresAt())) {
			this.byHash.remove(tokenHash);
			return Optional.empty();
		}
		Session seen = entry.session().seenAt(now);
		this.byHash.put(tokenHash, new Entry(seen, min(now.plus(idleTimeout), seen.absoluteExpiry())));
		return Optional.of(seen);
	}

	@Override
	public List<Session> list(CustomerId customerId, Instant now) {
		return this.byHash.values()
			.stream()
			.filter((entry) -> now.isBefore(entry.expiresAt()))
			.map(Entry::session)
			.filter((session) -> session.customerId().equals(customerId))
			.sorted(Comparator.comparing(Session::lastSeenAt).reversed())
			.toList();
	}

	@Override
	public boolean revoke(String tokenHash) {
		return this.byHash.remove(tokenHash) != null;
	}

	@Override
	public int revokeAll(CustomerId customerId) {
		int before = this.byHash.size();
		this.byHash.values().removeIf((entry) -> entry.session().customerId().equals(customerId));
		return before - this.byHash.size();
	}

	public Map<String, Session> stored() {
		Map<String, Session> stored = new HashMap<>();
		this.byHash.forEach((hash, entry) -> stored.put(hash, entry.session()));
		return stored;
	}

	/**
	 * Lets a test put a session in that the store would have kept past its absolute end.
	 */
	public void putRaw(String tokenHash, Session session, Instant expiresAt) {
		this.byHash.put(tokenHash, new Entry(session, expiresAt));
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private record Entry(Session session, Instant expiresAt) {
	}

}
