package io.polyglot.domain.demo;

/**
 * Port of demo 3: sessions as values under exact keys with a time to live, and what it
 * takes to ask for sessions by something inside the value.
 */
public interface SessionPlayground extends DemoData {

	/**
	 * Stores a session under its key with the TTL, and adds it to the per-country index
	 * the application maintains itself.
	 */
	Played start(String token, int customerId, String country, int ttlSeconds);

	/** Reads the session by key and its remaining TTL; finding {@code found}. */
	Played read(String token);

	/**
	 * The sessions of customers in a country, found twice: scanning every key (the store
	 * cannot search inside values) and through the self-maintained index; findings
	 * {@code keysScanned}, {@code matchesByScan}, {@code indexMembers},
	 * {@code staleIndexMembers}.
	 */
	Played sessionsIn(String country);

}
