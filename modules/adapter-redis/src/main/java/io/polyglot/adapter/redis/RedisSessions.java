package io.polyglot.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Sessions in Redis, laid out to run unchanged on Redis Cluster.
 * <p>
 * Layout ({@code {...}} is a Redis Cluster hash tag: only the part inside the braces
 * picks the slot, so every key of one customer lives in one slot):
 * <ul>
 * <li>{@code polyglot:session:{<customerId>}:<tokenHash>}: a hash with the session's
 * fields, whose TTL is the session's remaining life,
 * {@code min(idle timeout, absolute expiry - now)}; Redis itself ends the session. Only
 * the token's hash is ever stored, never the token.</li>
 * <li>{@code polyglot:customer-sessions:{<customerId>}}: a sorted set of the customer's
 * token hashes scored by each session's expiry (epoch millis), so listing and revoking
 * all sessions never scan the keyspace. The set expires after its latest session.</li>
 * <li>{@code polyglot:session-owner:<tokenHash>}: the customer id, so a request holding
 * only a token finds the customer's slot. It lives until the absolute expiry (plus the
 * grace) and is only a pointer: a session exists when its hash does.</li>
 * </ul>
 * Every change that spans a session and its index runs in one Lua script on keys of one
 * slot, so the index never loses a live session (which would then escape
 * {@link #revokeAll}) and Redis Cluster accepts the script (no CROSSSLOT).
 */
class RedisSessions implements Sessions {

	static final String SESSION_PREFIX = "polyglot:session:";

	static final String INDEX_PREFIX = "polyglot:customer-sessions:";

	static final String OWNER_PREFIX = "polyglot:session-owner:";

	/**
	 * How much longer than its sessions an index entry and the index key live. Scores are
	 * computed on the application's clock while TTLs run on Redis's; the grace absorbs a
	 * skew between the two so the index never disappears before a session it holds.
	 */
	static final Duration INDEX_GRACE = Duration.ofMinutes(1);

	static final String ID = "id";

	static final String CUSTOMER_ID = "customerId";

	static final String ROLES = "roles";

	static final String CREATED_AT = "createdAt";

	static final String LAST_SEEN_AT = "lastSeenAt";

	static final String ABSOLUTE_EXPIRY = "absoluteExpiry";

	/**
	 * The absolute expiry again, in epoch millis, for the scripts: Lua cannot parse the
	 * ISO-8601 text that keeps the instants exact for Java.
	 */
	static final String ABSOLUTE_EXPIRY_MS = "absoluteExpiryMs";

	// KEYS: session, index. ARGV: ttl ms, index score, index ttl ms, token
	// hash, fields...
	private static final RedisScript<Long> CREATE = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('HSET', KEYS[1], unpack(ARGV, 5))
			redis.call('PEXPIRE', KEYS[1], ARGV[1])
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
			if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then
				redis.call('PEXPIRE', KEYS[2], ARGV[3])
			end
			return 1
			""", Long.class);

	// KEYS: session, index. ARGV: now (ISO-8601), now ms, idle ms, grace ms, token hash.
	// Answers the session's fields, or an empty list when it is gone (not false: a nil
	// reply reaches Java as a list holding one null, not as an empty list).
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> TOUCH = RedisScript.of("""
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
			""", List.class);

	// KEYS: session, index. ARGV: token hash. Answers 1 when the session was live.
	private static final RedisScript<Long> REVOKE = RedisScript.of("""
			local ended = redis.call('DEL', KEYS[1])
			redis.call('ZREM', KEYS[2], ARGV[1])
			return ended
			""", Long.class);

	// KEYS: index. ARGV: drop entries scored before this (epoch ms). Answers the members.
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> PRUNE_AND_READ_INDEX = RedisScript.of("""
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
			return redis.call('ZRANGE', KEYS[1], 0, -1)
			""", List.class);

	// KEYS: index, then one session key per member. ARGV: now ms, grace ms, members...
	// Answers the fields of the live sessions, drops the others from the index and
	// brings the index's TTL down to its latest session (plus the grace).
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> READ_LIVE = RedisScript.of("""
			local live = {}
			for i = 2, #KEYS do
				local fields = redis.call('HGETALL', KEYS[i])
				if #fields == 0 then
					redis.call('ZREM', KEYS[1], ARGV[i + 1])
				else
					live[#live + 1] = fields
				end
			end
			local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
			if #latest == 2 then
				local ttl = tonumber(latest[2]) - tonumber(ARGV[1]) + tonumber(ARGV[2])
				redis.call('PEXPIRE', KEYS[1], math.max(1, ttl))
			end
			return live
			""", List.class);

	// KEYS: index, then one session key per member. ARGV: members. Answers how many
	// sessions were live. Only the members read are removed: a session opened meanwhile
	// stays indexed, so a later revokeAll still finds it.
	private static final RedisScript<Long> REVOKE_MEMBERS = RedisScript.of("""
			local ended = 0
			for i = 2, #KEYS do
				ended = ended + redis.call('DEL', KEYS[i])
				redis.call('ZREM', KEYS[1], ARGV[i - 1])
			end
			return ended
			""", Long.class);

	private static final Comparator<Session> MOST_RECENTLY_USED_FIRST = Comparator
		.comparing(Session::lastSeenAt, Comparator.reverseOrder())
		.thenComparing(Session::createdAt, Comparator.reverseOrder())
		.thenComparing(Session::id);

	/**
	 * Owner pointers already read, by token hash. A pointer never changes while its token
	 * lives, and a stale one is harmless: the touch script finds no session under it and
	 * answers nothing, exactly as if the pointer had been missing. So a request for a
	 * known token is one round trip (the script), not two; bounded, and dropped after a
	 * while unused, so it holds only the tokens in use.
	 */
	private final Cache<String, String> owners = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	private final StringRedisTemplate redis;

	RedisSessions(StringRedisTemplate redis) {
		this.redis = Objects.requireNonNull(redis, "redis");
	}

	@Override
	public void create(String tokenHash, Session session, Duration idleTimeout) {
		requireTokenHash(tokenHash);
		Objects.requireNonNull(session, "session");
		requirePositive(idleTimeout);
		// the port passes no clock reading: the session was just made, so its last use
		// is now
		long now = session.lastSeenAt().toEpochMilli();
		long ttl = Math.min(idleTimeout.toMillis(), session.absoluteExpiry().toEpochMilli() - now);
		if (ttl <= 0) {
			throw new IllegalArgumentException("the session is already past its absolute expiry");
		}
		List<String> args = new ArrayList<>();
		args.add(Long.toString(ttl));
		args.add(Long.toString(now + ttl));
		args.add(Long.toString(ttl + INDEX_GRACE.toMillis()));
		args.add(tokenHash);
		fields(session).forEach((field, value) -> {
			args.add(field);
			args.add(value);
		});
		String customerId = session.customerId().toString();
		long ownerTtl = session.absoluteExpiry().toEpochMilli() - now + INDEX_GRACE.toMillis();
		RedisCalls.call(() -> {
			// the pointer first: a pointer whose session was never written points at
			// nothing and expires, while a session without its pointer could not be
			// reached by its token
			this.redis.opsForValue().set(ownerKey(tokenHash), customerId, Duration.ofMillis(ownerTtl));
			Long created = this.redis.execute(CREATE, List.of(sessionKey(customerId, tokenHash), indexKey(customerId)),
					args.toArray());
			this.owners.put(tokenHash, customerId);
			return created;
		});
	}

	@Override
	public Optional<Session> touch(String tokenHash, Instant now, Duration idleTimeout) {
		requireTokenHash(tokenHash);
		Objects.requireNonNull(now, "now");
		requirePositive(idleTimeout);
		return RedisCalls.call(() -> {
			// the keys are named after the customer, which only the pointer knows:
			// reading it first lets the script declare every key it writes, which Redis
			// requires of a script
			String customerId = this.owners.getIfPresent(tokenHash);
			if (customerId == null) {
				customerId = this.redis.opsForValue().get(ownerKey(tokenHash));
				if (customerId == null) {
					return Optional.empty();
				}
				this.owners.put(tokenHash, customerId);
			}
			List<?> fields = this.redis.execute(TOUCH, List.of(sessionKey(customerId, tokenHash), indexKey(customerId)),
					now.toString(), Long.toString(now.toEpochMilli()), Long.toString(idleTimeout.toMillis()),
					Long.toString(INDEX_GRACE.toMillis()), tokenHash);
			if (fields == null || fields.isEmpty()) {
				this.owners.invalidate(tokenHash);
				return Optional.empty();
			}
			return Optional.of(toSession(fields));
		});
	}

	@Override
	public List<Session> list(CustomerId customerId, Instant now) {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(now, "now");
		String index = indexKey(customerId.toString());
		long nowMillis = now.toEpochMilli();
		return RedisCalls.call(() -> {
			// entries whose expiry passed more than the grace ago are gone for certain;
			// dropping them by score saves reading their keys
			List<?> members = this.redis.execute(PRUNE_AND_READ_INDEX, List.of(index),
					Long.toString(nowMillis - INDEX_GRACE.toMillis()));
			if (members == null || members.isEmpty()) {
				return List.of();
			}
			List<String> keys = new ArrayList<>(members.size() + 1);
			List<String> args = new ArrayList<>(members.size() + 2);
			keys.add(index);
			args.add(Long.toString(nowMillis));
			args.add(Long.toString(INDEX_GRACE.toMillis()));
			for (Object member : members) {
				keys.add(sessionKey(customerId.toString(), (String) member));
				args.add((String) member);
			}
			List<?> live = this.redis.execute(READ_LIVE, keys, args.toArray());
			if (live == null) {
				return List.of();
			}
			return live.stream().map((fields) -> toSession((List<?>) fields)).sorted(MOST_RECENTLY_USED_FIRST).toList();
		});
	}

	@Override
	public boolean revoke(String tokenHash) {
		requireTokenHash(tokenHash);
		String owner = ownerKey(tokenHash);
		this.owners.invalidate(tokenHash);
		return RedisCalls.call(() -> {
			// read first for the same reason as in touch: the script declares both keys
			String customerId = this.redis.opsForValue().get(owner);
			if (customerId == null) {
				return false;
			}
			Long ended = this.redis.execute(REVOKE, List.of(sessionKey(customerId, tokenHash), indexKey(customerId)),
					tokenHash);
			this.redis.delete(owner);
			return ended != null && ended > 0;
		});
	}

	@Override
	public int revokeAll(CustomerId customerId) {
		Objects.requireNonNull(customerId, "customerId");
		String index = indexKey(customerId.toString());
		return RedisCalls.call(() -> {
			Set<String> members = this.redis.opsForZSet().range(index, 0, -1);
			if (members == null || members.isEmpty()) {
				return 0;
			}
			List<String> keys = new ArrayList<>(members.size() + 1);
			keys.add(index);
			members.forEach((member) -> keys.add(sessionKey(customerId.toString(), member)));
			Long ended = this.redis.execute(REVOKE_MEMBERS, keys, members.toArray());
			// one DEL per pointer: the pointers lie in other slots than each other
			members.forEach((member) -> this.redis.delete(ownerKey(member)));
			this.owners.invalidateAll(members);
			return (ended != null) ? ended.intValue() : 0;
		});
	}

	static String sessionKey(String customerId, String tokenHash) {
		return SESSION_PREFIX + "{" + customerId + "}:" + tokenHash;
	}

	static String indexKey(String customerId) {
		return INDEX_PREFIX + "{" + customerId + "}";
	}

	static String ownerKey(String tokenHash) {
		return OWNER_PREFIX + tokenHash;
	}

	private static Map<String, String> fields(Session session) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(ID, session.id());
		fields.put(CUSTOMER_ID, session.customerId().toString());
		fields.put(ROLES, session.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")));
		// ISO-8601 keeps every digit of the instants, so a session reads back equal
		fields.put(CREATED_AT, session.createdAt().toString());
		fields.put(LAST_SEEN_AT, session.lastSeenAt().toString());
		fields.put(ABSOLUTE_EXPIRY, session.absoluteExpiry().toString());
		fields.put(ABSOLUTE_EXPIRY_MS, Long.toString(session.absoluteExpiry().toEpochMilli()));
		return fields;
	}

	/** A session from the flat field/value list that HGETALL answers in a script. */
	private static Session toSession(List<?> flat) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put((String) flat.get(i), (String) flat.get(i + 1));
		}
		return new Session(required(fields, ID), CustomerId.parse(required(fields, CUSTOMER_ID)),
				roles(required(fields, ROLES)), Instant.parse(required(fields, CREATED_AT)),
				Instant.parse(required(fields, LAST_SEEN_AT)), Instant.parse(required(fields, ABSOLUTE_EXPIRY)));
	}

	private static Set<Role> roles(String text) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : text.split(",")) {
			for (Role role : Role.values()) {
				if (role.name().equals(name)) {
					roles.add(role);
				}
			}
			// a role no longer known is dropped rather than failing the session: losing
			// a permission is the safe way to err
		}
		return roles;
	}

	private static String required(Map<String, String> fields, String field) {
		@Nullable String value = fields.get(field);
		if (value == null) {
			throw new IllegalStateException("session hash lacks field " + field);
		}
		return value;
	}

	private static void requireTokenHash(String tokenHash) {
		Objects.requireNonNull(tokenHash, "tokenHash");
		if (tokenHash.isEmpty()) {
			throw new IllegalArgumentException("tokenHash must not be empty");
		}
	}

	private static void requirePositive(Duration idleTimeout) {
		Objects.requireNonNull(idleTimeout, "idleTimeout");
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive");
		}
	}

}
