package io.polyglot.adapter.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Sessions in PostgreSQL (table {@code sessions}): one row per token hash with an
 * {@code expires_at} column that every read checks, so an expired row is as good as gone
 * the moment it expires; {@link #purgeExpired} deletes such rows in small batches later.
 * <p>
 * Where Redis expires keys on its own clock, this table expires them by the {@code now}
 * the caller passes. With {@code unlogged} the table skips the write-ahead log: faster
 * writes, and after a crash of PostgreSQL the table comes back empty, everyone logged out
 * (the same trade as a Redis without persistence).
 */
final class PostgresSessions implements Sessions {

	private static final String CREATE = """
			INSERT INTO sessions (token_hash, customer_id, last_seen_at, absolute_expiry, expires_at, session)
			VALUES (?, ?, ?, ?, ?, ?::jsonb)
			ON CONFLICT (token_hash) DO UPDATE
			SET customer_id = EXCLUDED.customer_id, last_seen_at = EXCLUDED.last_seen_at,
			    absolute_expiry = EXCLUDED.absolute_expiry, expires_at = EXCLUDED.expires_at,
			    session = EXCLUDED.session""";

	// slides the idle expiry, never past the absolute one, only while the session lives
	private static final String TOUCH = """
			UPDATE sessions
			SET last_seen_at = ?, expires_at = least(?, absolute_expiry),
			    session = jsonb_set(session, '{lastSeenAt}', to_jsonb(?::text))
			WHERE token_hash = ? AND expires_at > ? AND absolute_expiry > ?
			RETURNING customer_id, session""";

	private static final String END_IF_EXPIRED = "DELETE FROM sessions WHERE token_hash = ? AND (expires_at <= ? OR absolute_expiry <= ?)";

	private static final String LIST = """
			SELECT customer_id, session FROM sessions
			WHERE customer_id = ? AND expires_at > ?
			ORDER BY last_seen_at DESC, token_hash""";

	private static final String REVOKE = "DELETE FROM sessions WHERE token_hash = ?";

	private static final String REVOKE_ALL = "DELETE FROM sessions WHERE customer_id = ?";

	private static final String PURGE = """
			DELETE FROM sessions WHERE token_hash IN (
			    SELECT token_hash FROM sessions WHERE expires_at <= ? LIMIT ?)""";

	private final JdbcTemplate jdbc;

	/**
	 * @param jdbc the PostgreSQL to keep sessions in
	 * @param unlogged whether the table should skip the write-ahead log; applied to the
	 * table now if it differs
	 */
	PostgresSessions(JdbcTemplate jdbc, boolean unlogged) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
		PostgresCalls.call(() -> {
			String persistence = jdbc
				.queryForObject("SELECT relpersistence FROM pg_class WHERE oid = 'sessions'::regclass", String.class);
			if (unlogged != "u".equals(persistence)) {
				jdbc.execute("ALTER TABLE sessions SET " + (unlogged ? "UNLOGGED" : "LOGGED"));
			}
			return null;
		});
	}

	@Override
	public void create(String tokenHash, Session session, Duration idleTimeout) {
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(session, "session");
		requirePositive(idleTimeout);
		// the session was just made, so its last use is now
		Instant expiresAt = earliest(session.lastSeenAt().plus(idleTimeout), session.absoluteExpiry());
		if (!expiresAt.isAfter(session.lastSeenAt())) {
			throw new IllegalArgumentException("the session is already past its absolute expiry");
		}
		PostgresCalls.call(() -> this.jdbc.update(CREATE, tokenHash, session.customerId().value(),
				Timestamp.from(session.lastSeenAt()), Timestamp.from(session.absoluteExpiry()),
				Timestamp.from(expiresAt), PostgresJson.write(document(session))));
	}

	@Override
	public Optional<Session> touch(String tokenHash, Instant now, Duration idleTimeout) {
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(now, "now");
		requirePositive(idleTimeout);
		Timestamp at = Timestamp.from(now);
		return PostgresCalls.call(() -> {
			List<Session> touched = this.jdbc.query(TOUCH, SESSION, at, Timestamp.from(now.plus(idleTimeout)),
					now.toString(), tokenHash, at, at);
			if (touched.isEmpty()) {
				// past its expiry: ends now rather than at the next purge
				this.jdbc.update(END_IF_EXPIRED, tokenHash, at, at);
				return Optional.empty();
			}
			return Optional.of(touched.get(0));
		});
	}

	@Override
	public List<Session> list(CustomerId customerId, Instant now) {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(now, "now");
		return PostgresCalls.call(() -> this.jdbc.query(LIST, SESSION, customerId.value(), Timestamp.from(now)));
	}

	@Override
	public boolean revoke(String tokenHash) {
		Objects.requireNonNull(tokenHash, "tokenHash");
		return PostgresCalls.call(() -> this.jdbc.update(REVOKE, tokenHash) > 0);
	}

	@Override
	public int revokeAll(CustomerId customerId) {
		Objects.requireNonNull(customerId, "customerId");
		return PostgresCalls.call(() -> this.jdbc.update(REVOKE_ALL, customerId.value()));
	}

	/** Deletes up to {@code max} rows that expired before {@code now}; how many went. */
	int purgeExpired(Instant now, int max) {
		return PostgresCalls.call(() -> this.jdbc.update(PURGE, Timestamp.from(now), max));
	}

	private static Map<String, Object> document(Session session) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("id", session.id());
		document.put("roles", session.roles().stream().sorted().map(Role::name).toList());
		document.put("createdAt", session.createdAt().toString());
		document.put("lastSeenAt", session.lastSeenAt().toString());
		document.put("absoluteExpiry", session.absoluteExpiry().toString());
		return document;
	}

	private static final RowMapper<Session> SESSION = PostgresSessions::toSession;

	private static Session toSession(ResultSet row, int n) throws SQLException {
		Map<String, Object> document = PostgresJson.readMap(row.getString("session"));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Object role : (List<?>) document.get("roles")) {
			roles.add(Role.valueOf((String) role));
		}
		return new Session((String) document.get("id"),
				new CustomerId(row.getObject("customer_id", java.util.UUID.class)), roles,
				Instant.parse((String) document.get("createdAt")), Instant.parse((String) document.get("lastSeenAt")),
				Instant.parse((String) document.get("absoluteExpiry")));
	}

	private static Instant earliest(Instant one, Instant other) {
		return one.isBefore(other) ? one : other;
	}

	private static void requirePositive(Duration idleTimeout) {
		Objects.requireNonNull(idleTimeout, "idleTimeout");
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive");
		}
	}

}
