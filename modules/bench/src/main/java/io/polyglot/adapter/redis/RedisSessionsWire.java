package io.polyglot.adapter.redis;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.polyglot.domain.session.Session;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis sessions adapter's commands sent through bare Lettuce, for the bench's raw
 * target: the same keys (the adapter's own key functions, hash tags included), the same
 * Lua scripts (read from {@link RedisSessions} itself, not copied) and the same command
 * sequence per operation, without Spring Data's template, serializers and exception
 * translation. It lives in the adapter's package (in the bench module only) so it follows
 * the adapter's layout when that changes instead of drifting from it.
 */
public final class RedisSessionsWire {

	private final RedisCommands<String, String> redis;

	private final String create;

	private final String touch;

	private final String revoke;

	/**
	 * The owner pointers already read, as the adapter keeps them: one round trip per
	 * touch.
	 */
	private final Map<String, String> owners = new ConcurrentHashMap<>();

	public RedisSessionsWire(RedisCommands<String, String> redis) {
		this.redis = redis;
		this.create = redis.scriptLoad(script("CREATE"));
		this.touch = redis.scriptLoad(script("TOUCH"));
		this.revoke = redis.scriptLoad(script("REVOKE"));
	}

	/**
	 * The adapter's script source (its constants are private: they are read, not copied).
	 */
	private static String script(String name) {
		try {
			Field field = RedisSessions.class.getDeclaredField(name);
			field.setAccessible(true);
			return ((RedisScript<?>) field.get(null)).getScriptAsString();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("RedisSessions has no script " + name + " any more", ex);
		}
	}

	/** SET the owner pointer, then the create script on the session and index keys. */
	public void create(String tokenHash, Session session, Duration idleTimeout) {
		long now = session.lastSeenAt().toEpochMilli();
		long ttl = Math.min(idleTimeout.toMillis(), session.absoluteExpiry().toEpochMilli() - now);
		long grace = RedisSessions.INDEX_GRACE.toMillis();
		String customerId = session.customerId().toString();
		List<String> args = new ArrayList<>(List.of(Long.toString(ttl), Long.toString(now + ttl),
				Long.toString(ttl + grace), tokenHash, RedisSessions.ID, session.id(), RedisSessions.CUSTOMER_ID,
				customerId, RedisSessions.ROLES,
				String.join(",", session.roles().stream().sorted().map(Enum::name).toList()), RedisSessions.CREATED_AT,
				session.createdAt().toString(), RedisSessions.LAST_SEEN_AT, session.lastSeenAt().toString(),
				RedisSessions.ABSOLUTE_EXPIRY, session.absoluteExpiry().toString(), RedisSessions.ABSOLUTE_EXPIRY_MS,
				Long.toString(session.absoluteExpiry().toEpochMilli())));
		long ownerTtl = session.absoluteExpiry().toEpochMilli() - now + grace;
		this.redis.set(RedisSessions.ownerKey(tokenHash), customerId, SetArgs.Builder.px(ownerTtl));
		this.redis.evalsha(this.create, ScriptOutputType.INTEGER,
				new String[] { RedisSessions.sessionKey(customerId, tokenHash), RedisSessions.indexKey(customerId) },
				args.toArray(String[]::new));
		this.owners.put(tokenHash, customerId);
	}

	/**
	 * The touch script, after a GET of the owner pointer only for a token not seen
	 * before; the session's fields, empty when gone.
	 */
	public Map<String, String> touch(String tokenHash, Instant now, Duration idleTimeout) {
		String customerId = this.owners.get(tokenHash);
		if (customerId == null) {
			customerId = this.redis.get(RedisSessions.ownerKey(tokenHash));
			if (customerId == null) {
				return Map.of();
			}
			this.owners.put(tokenHash, customerId);
		}
		List<Object> flat = this.redis.evalsha(this.touch, ScriptOutputType.MULTI,
				new String[] { RedisSessions.sessionKey(customerId, tokenHash), RedisSessions.indexKey(customerId) },
				now.toString(), Long.toString(now.toEpochMilli()), Long.toString(idleTimeout.toMillis()),
				Long.toString(RedisSessions.INDEX_GRACE.toMillis()), tokenHash);
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
		}
		return fields;
	}

	/** GET the owner pointer, the revoke script, DEL the pointer. */
	public boolean revoke(String tokenHash) {
		String owner = RedisSessions.ownerKey(tokenHash);
		this.owners.remove(tokenHash);
		String customerId = this.redis.get(owner);
		if (customerId == null) {
			return false;
		}
		Long ended = this.redis.evalsha(this.revoke, ScriptOutputType.INTEGER,
				new String[] { RedisSessions.sessionKey(customerId, tokenHash), RedisSessions.indexKey(customerId) },
				tokenHash);
		this.redis.del(owner);
		return ended != null && ended > 0;
	}

}
