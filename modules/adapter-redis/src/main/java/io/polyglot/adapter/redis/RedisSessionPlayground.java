package io.polyglot.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.polyglot.domain.demo.ArchitectureDemos;
import io.polyglot.domain.demo.DemoSteps;
import io.polyglot.domain.demo.Played;
import io.polyglot.domain.demo.SessionPlayground;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Demo 3 in Redis: demo sessions as JSON values under {@code demo:session:<token>} with a
 * TTL, and a per-country set {@code demo:sessions-by-country:<CC>} that only exists
 * because the application writes it beside every session.
 */
final class RedisSessionPlayground implements SessionPlayground {

	private static final String STORE = RedisCalls.STORE;

	static final String PREFIX = "demo:";

	static final String SESSION = PREFIX + "session:";

	static final String BY_COUNTRY = PREFIX + "sessions-by-country:";

	static final String SEEDED = PREFIX + "seeded";

	/** Demo sessions seeded for the by-country question. */
	static final int SEEDED_SESSIONS = 3_000;

	/** Sessions seeded per pipeline. */
	private static final int SEED_BATCH = 250;

	private final StringRedisTemplate redis;

	RedisSessionPlayground(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public String store() {
		return STORE;
	}

	private static String value(int customerId, String country) {
		return "{\"customerId\":" + customerId + ",\"country\":\"" + country + "\",\"createdAt\":\"" + Instant.now()
				+ "\"}";
	}

	/**
	 * Seeds the population once per hour: most sessions live an hour, every tenth only
	 * five seconds, so the country index soon holds members whose session is gone.
	 */
	private synchronized void ensureSeeded() {
		if (Boolean.TRUE.equals(this.redis.hasKey(SEEDED))) {
			return;
		}
		// pipelines of a few hundred commands: one pipeline of all 6,000 makes its last
		// replies wait behind the whole batch, past the command timeout on a busy machine
		for (int from = 1; from <= SEEDED_SESSIONS; from += SEED_BATCH) {
			int first = from;
			int last = Math.min(SEEDED_SESSIONS, from + SEED_BATCH - 1);
			this.redis.executePipelined(new SessionCallback<Object>() {
				@Override
				@SuppressWarnings({ "unchecked", "rawtypes" })
				public Object execute(RedisOperations operations) {
					for (int i = first; i <= last; i++) {
						String token = String.format("seed%028d", i);
						String country = ArchitectureDemos.COUNTRIES.get(i % ArchitectureDemos.COUNTRIES.size());
						Duration ttl = (i % 10 == 0) ? Duration.ofSeconds(5) : Duration.ofHours(1);
						operations.opsForValue().set(SESSION + token, value(i, country), ttl);
						operations.opsForSet().add(BY_COUNTRY + country, token);
					}
					return null;
				}
			});
		}
		this.redis.opsForValue().set(SEEDED, "1", Duration.ofHours(1));
	}

	@Override
	public Played start(String token, int customerId, String country, int ttlSeconds) {
		return RedisCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			String key = SESSION + token;
			String value = value(customerId, country);
			steps.run(STORE, "SET " + key + " ? EX ?", DemoSteps.params("value", value, "EX", ttlSeconds), () -> {
				this.redis.opsForValue().set(key, value, Duration.ofSeconds(ttlSeconds));
				return "OK";
			}, (ok) -> ok);
			steps.run(STORE, "SADD " + BY_COUNTRY + country + " ?", DemoSteps.params("member", token),
					() -> this.redis.opsForSet().add(BY_COUNTRY + country, token),
					(added) -> "(integer) " + added + "  — the index the application maintains itself");
			return steps.finding("key", key).played();
		});
	}

	@Override
	public Played read(String token) {
		return RedisCalls.call(() -> {
			DemoSteps steps = new DemoSteps();
			String key = SESSION + token;
			String value = steps.run(STORE, "GET " + key, DemoSteps.params(), () -> this.redis.opsForValue().get(key),
					(found) -> (found != null) ? found : "(nil)  — expired: Redis deleted it when its TTL ran out");
			Long ttl = steps.run(STORE, "TTL " + key, DemoSteps.params(), () -> this.redis.getExpire(key),
					(seconds) -> "(integer) " + seconds + ((seconds != null && seconds < 0) ? "  — no such key" : ""));
			return steps.finding("found", value != null).finding("ttlSeconds", ttl).played();
		});
	}

	@Override
	public Played sessionsIn(String country) {
		return RedisCalls.call(() -> {
			ensureSeeded();
			DemoSteps steps = new DemoSteps();
			String needle = "\"country\":\"" + country + "\"";
			long scanStart = System.nanoTime();
			List<String> keys = new ArrayList<>();
			int calls = 0;
			try (Cursor<String> cursor = this.redis
				.scan(ScanOptions.scanOptions().match(SESSION + "*").count(1000).build())) {
				while (cursor.hasNext()) {
					keys.add(cursor.next());
				}
			}
			double scanMillis = DemoSteps.millisSince(scanStart);
			steps.add(STORE, "SCAN <cursor> MATCH " + SESSION + "* COUNT 1000  — repeated until the cursor is 0",
					DemoSteps.params(), keys.size() + " keys returned: every demo session, whatever its country",
					scanMillis);
			long readStart = System.nanoTime();
			int matches = 0;
			for (int from = 0; from < keys.size(); from += 500) {
				List<String> values = this.redis.opsForValue()
					.multiGet(keys.subList(from, Math.min(keys.size(), from + 500)));
				calls++;
				if (values != null) {
					for (String v : values) {
						matches += (v != null && v.contains(needle)) ? 1 : 0;
					}
				}
			}
			steps.add(STORE, "MGET <500 keys>  — " + calls + " calls, then the country is read out of each value",
					DemoSteps.params("country", country), matches + " sessions are in " + country,
					DemoSteps.millisSince(readStart));
			Set<String> members = steps.run(STORE, "SMEMBERS " + BY_COUNTRY + country, DemoSteps.params(),
					() -> this.redis.opsForSet().members(BY_COUNTRY + country),
					(set) -> ((set != null) ? set.size() : 0) + " members in the self-maintained index");
			List<String> memberKeys = (members != null) ? members.stream().map((m) -> SESSION + m).toList() : List.of();
			long live = 0;
			if (!memberKeys.isEmpty()) {
				List<String> values = steps.run(STORE, "MGET <every member's session key>",
						DemoSteps.params("keys", memberKeys.size()),
						() -> this.redis.opsForValue().multiGet(memberKeys),
						(list) -> ((list != null) ? list.stream().filter((v) -> v != null).count() : 0)
								+ " still exist; the rest expired but stay in the index until the application "
								+ "removes them");
				live = (values != null) ? values.stream().filter((v) -> v != null).count() : 0;
			}
			double scanTotal = scanMillis + steps.played().steps().get(1).millis();
			double indexTotal = steps.played()
				.steps()
				.subList(2, steps.played().steps().size())
				.stream()
				.mapToDouble(io.polyglot.domain.demo.DemoStep::millis)
				.sum();
			return steps.finding("keysScanned", keys.size())
				.finding("matchesByScan", matches)
				.finding("scanMillis", Math.round(scanTotal * 1000) / 1000.0)
				.finding("indexMembers", memberKeys.size())
				.finding("liveIndexMembers", live)
				.finding("staleIndexMembers", memberKeys.size() - live)
				.finding("indexMillis", Math.round(indexTotal * 1000) / 1000.0)
				.played();
		});
	}

	@Override
	public void reset() {
		RedisCalls.call(() -> {
			List<String> keys = new ArrayList<>();
			try (Cursor<String> cursor = this.redis
				.scan(ScanOptions.scanOptions().match(PREFIX + "*").count(1000).build())) {
				while (cursor.hasNext()) {
					keys.add(cursor.next());
				}
			}
			if (!keys.isEmpty()) {
				this.redis.delete(keys);
			}
			return null;
		});
	}

}
