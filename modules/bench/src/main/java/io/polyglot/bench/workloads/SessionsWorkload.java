package io.polyglot.bench.workloads;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.polyglot.adapter.redis.RedisPorts;
import io.polyglot.bench.baseline.PostgresSessions;
import io.polyglot.bench.harness.BenchContext;
import io.polyglot.bench.harness.Equivalence;
import io.polyglot.bench.stores.Stores;
import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;

/**
 * Sessions (Redis): create, look up with a sliding touch, revoke. Targets: the Redis
 * adapter (port), the same Lua scripts through bare Lettuce (raw), and a PostgreSQL
 * sessions table, logged and UNLOGGED (baseline).
 */
public final class SessionsWorkload implements Workload {

	private static final Duration IDLE = Duration.ofMinutes(30);

	// the adapter's scripts, key layout and arguments (RedisSessions), sent by the bare
	// driver: port/raw is then the cost of the adapter's own layer
	private static final String CREATE = """
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], unpack(ARGV, 5))
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then
				redis.call('PEXPIRE', KEYS[2], ARGV[3])
			end
			return 1
			""";

	private static final String TOUCH = """
			local absolute = redis.call('HGET', KEYS[1], 'absoluteExpiryMs')
			if not absolute then
				redis.call('ZREM', KEYS[2], ARGV[5])
				return {}
			end
			local now = tonumber(ARGV[2])
			local ttl = math.min(tonumber(ARGV[3]), tonumber(absolute) - now)
			if ttl <= 0 then
				redis.call('DEL', KEYS[1])
				redis.call('ZREM', KEYS[2], ARGV[5])
				return {}
			end
			redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ttl)
			redis.call('ZADD', KEYS[2], now + ttl, ARGV[5])
			local indexTtl = ttl + tonumber(ARGV[4])
			if redis.call('PTTL', KEYS[2]) < indexTtl then
				redis.call('PEXPIRE', KEYS[2], indexTtl)
			end
			return redis.call('HGETALL', KEYS[1])
			""";

	private static final String REVOKE = """
			local ended = redis.call('DEL', KEYS[1])
			redis.call('ZREM', KEYS[2], ARGV[1])
			return ended
			""";

	private static final long GRACE_MS = Duration.ofMinutes(1).toMillis();

	@Override
	public String concern() {
		return "sessions";
	}

	@Override
	public String store() {
		return "redis";
	}

	@Override
	public Set<String> needs() {
		return Set.of("redis", "postgres");
	}

	@Override
	public void run(BenchContext context, Stores stores) throws Exception {
		Sessions port = RedisPorts.sessions(stores.redisTemplate());
		RedisCommands<String, String> redis = stores.redisRaw().sync();
		String redisLabel = stores.implementations().get("redis");
		PostgresSessions logged = new PostgresSessions(stores.postgres(), false).createSchema();
		PostgresSessions unlogged = new PostgresSessions(stores.postgres(), true).createSchema();
		String pgLabel = stores.implementations().get("postgres");
		Raw raw = new Raw(redis);

		for (long size : context.settings().sizesOr(List.of(10_000L), List.of(10_000L, 100_000L))) {
			String run = UUID.randomUUID().toString().substring(0, 8);
			List<String> hashes = new ArrayList<>();
			List<Session> sessions = new ArrayList<>();
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<CustomerId> customers = new ArrayList<>();
			for (int i = 0; i < Math.max(1, size / 3); i++) {
				customers.add(CustomerId.random());
			}
			for (int i = 0; i < size; i++) {
				hashes.add("bench-" + run + "-" + i);
				sessions.add(session(customers.get(i % customers.size()), now));
			}
			context.progress().message("sessions: loading " + size + " sessions into Redis and PostgreSQL");
			for (int i = 0; i < size; i++) {
				port.create(hashes.get(i), sessions.get(i), IDLE);
			}
			for (PostgresSessions pg : List.of(logged, unlogged)) {
				for (int i = 0; i < size; i++) {
					pg.create(hashes.get(i), sessions.get(i), IDLE);
				}
			}
			// the same look-ups must find the same sessions everywhere (lastSeenAt moves
			// with each touch, so it is left out)
			int n = hashes.size();
			context.check("touch", Equivalence.targets("port",
					(Equivalence.Answer) (i) -> key(port.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE)), "raw",
					(Equivalence.Answer) (i) -> key(raw.touch(hashes.get((i * 7919) % n))), "postgres",
					(Equivalence.Answer) (i) -> key(logged.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE)),
					"postgres-unlogged",
					(Equivalence.Answer) (i) -> key(unlogged.touch(hashes.get((i * 7919) % n), Instant.now(), IDLE))));

			CustomerId creator = CustomerId.random();
			context.measure(concern(), "create", "port", redisLabel, size,
					(op) -> port.create("new-" + run + "-p-" + op, session(creator, Instant.now()), IDLE));
			context.measure(concern(), "create", "raw", redisLabel, size,
					(op) -> raw.create("new-" + run + "-r-" + op, session(creator, Instant.now())));
			for (PostgresSessions pg : List.of(logged, unlogged)) {
				context.measure(concern(), "create", "baseline", pgLabel + " " + pg.table(), size,
						(op) -> pg.create("new-" + run + "-" + op, session(creator, Instant.now()), IDLE));
			}

			context.measure(concern(), "touch", "port", redisLabel, size,
					(op) -> require(port.touch(hashes.get((int) ((op * 7919) % n)), Instant.now(), IDLE)));
			context.measure(concern(), "touch", "raw", redisLabel, size, (op) -> require(
					Optional.of(raw.touch(hashes.get((int) ((op * 7919) % n)))).filter((f) -> !f.isEmpty())));
			for (PostgresSessions pg : List.of(logged, unlogged)) {
				context.measure(concern(), "touch", "baseline", pgLabel + " " + pg.table(), size,
						(op) -> require(pg.touch(hashes.get((int) ((op * 7919) % n)), Instant.now(), IDLE)));
			}

			// revokes walk the loaded sessions in order; past the end they find ended
			// ones
			context.measure(concern(), "revoke", "port", redisLabel, size,
					(op) -> port.revoke(hashes.get((int) (op % n))));
			context.measure(concern(), "revoke", "raw", redisLabel, size,
					(op) -> raw.revoke(hashes.get((int) (op % n))));
			for (PostgresSessions pg : List.of(logged, unlogged)) {
				context.measure(concern(), "revoke", "baseline", pgLabel + " " + pg.table(), size,
						(op) -> pg.revoke(hashes.get((int) (op % n))));
			}
		}
	}

	private static Session session(CustomerId customer, Instant now) {
		return new Session(UUID.randomUUID().toString(), customer, Set.of(Role.CUSTOMER), now, now,
				now.plus(Duration.ofHours(12)));
	}

	private static void require(Optional<?> found) {
		if (found.isEmpty()) {
			throw new IllegalStateException("session not found");
		}
	}

	private static String key(Optional<Session> session) {
		return session.map(
				(s) -> s.id() + "|" + s.customerId() + "|" + s.roles() + "|" + s.createdAt() + "|" + s.absoluteExpiry())
			.orElse("none");
	}

	private static String key(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return "none";
		}
		return fields.get("id") + "|" + fields.get("customerId") + "|[" + fields.get("roles") + "]|"
				+ fields.get("createdAt") + "|" + fields.get("absoluteExpiry");
	}

	/** The adapter's operations, written against bare Lettuce. */
	private static final class Raw {

		private final RedisCommands<String, String> redis;

		private final String create;

		private final String touch;

		private final String revoke;

		Raw(RedisCommands<String, String> redis) {
			this.redis = redis;
			this.create = redis.scriptLoad(CREATE);
			this.touch = redis.scriptLoad(TOUCH);
			this.revoke = redis.scriptLoad(REVOKE);
		}

		void create(String hash, Session session) {
			long now = session.lastSeenAt().toEpochMilli();
			long ttl = Math.min(IDLE.toMillis(), session.absoluteExpiry().toEpochMilli() - now);
			List<String> args = new ArrayList<>(
					List.of(Long.toString(ttl), Long.toString(now + ttl), Long.toString(ttl + GRACE_MS), hash, "id",
							session.id(), "customerId", session.customerId().toString(), "roles", "CUSTOMER",
							"createdAt", session.createdAt().toString(), "lastSeenAt", session.lastSeenAt().toString(),
							"absoluteExpiry", session.absoluteExpiry().toString(), "absoluteExpiryMs",
							Long.toString(session.absoluteExpiry().toEpochMilli())));
			this.redis.evalsha(this.create, ScriptOutputType.INTEGER,
					new String[] { "polyglot:session:" + hash, "polyglot:customer-sessions:" + session.customerId() },
					args.toArray(String[]::new));
		}

		Map<String, String> touch(String hash) {
			String key = "polyglot:session:" + hash;
			String customer = this.redis.hget(key, "customerId");
			if (customer == null) {
				return Map.of();
			}
			Instant now = Instant.now();
			List<Object> flat = this.redis.evalsha(this.touch, ScriptOutputType.MULTI,
					new String[] { key, "polyglot:customer-sessions:" + customer }, now.toString(),
					Long.toString(now.toEpochMilli()), Long.toString(IDLE.toMillis()), Long.toString(GRACE_MS), hash);
			Map<String, String> fields = new LinkedHashMap<>();
			for (int i = 0; i + 1 < flat.size(); i += 2) {
				fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
			}
			return fields;
		}

		boolean revoke(String hash) {
			String key = "polyglot:session:" + hash;
			String customer = this.redis.hget(key, "customerId");
			if (customer == null) {
				return false;
			}
			Long ended = this.redis.evalsha(this.revoke, ScriptOutputType.INTEGER,
					new String[] { key, "polyglot:customer-sessions:" + customer }, hash);
			return ended != null && ended > 0;
		}

	}

}
