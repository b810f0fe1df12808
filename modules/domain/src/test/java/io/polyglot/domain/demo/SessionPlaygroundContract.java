package io.polyglot.domain.demo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SessionPlayground} must do, run against the in-memory fake and the
 * Redis adapter: a started session reads back under its key within its time to live, an
 * unknown token reads as absent, and a country's sessions are found both by scanning and
 * through the self-maintained index. How many keys a scan walks and how many index
 * members went stale depend on the store's seeded population, so the contract checks only
 * how those figures relate. Every test uses fresh tokens.
 */
public abstract class SessionPlaygroundContract {

	protected abstract SessionPlayground playground();

	private static String freshToken() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static long number(Played played, String finding) {
		Object value = played.findings().get(finding);
		assertThat(value).as(finding).isInstanceOf(Number.class);
		return ((Number) value).longValue();
	}

	@Test
	protected void aStartedSessionReadsBackWithinItsTimeToLive() {
		String token = freshToken();
		playground().start(token, 7, "PT", 600);

		Played read = playground().read(token);

		assertThat(read.findings()).containsEntry("found", true);
		assertThat(number(read, "ttlSeconds")).isBetween(1L, 600L);
	}

	@Test
	protected void anUnknownTokenReadsAsAbsent() {
		assertThat(playground().read(freshToken()).findings()).containsEntry("found", false);
	}

	@Test
	protected void aCountrysSessionsAreFoundByScanAndThroughTheIndex() {
		playground().start(freshToken(), 8, "NL", 600);

		Played found = playground().sessionsIn("NL");

		assertThat(number(found, "matchesByScan")).isPositive();
		assertThat(number(found, "keysScanned")).isGreaterThanOrEqualTo(number(found, "matchesByScan"));
		assertThat(number(found, "liveIndexMembers")).isPositive();
		assertThat(number(found, "indexMembers"))
			.isEqualTo(number(found, "liveIndexMembers") + number(found, "staleIndexMembers"));
	}

}
