package io.polyglot.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.polyglot.domain.account.Role;
import io.polyglot.domain.session.Session;
import io.polyglot.domain.session.Sessions;
import io.polyglot.domain.shared.CustomerId;

/**
 * The {@link Sessions} port on PostgreSQL, as the baseline Redis is measured against: one
 * row per session keyed by the token's hash, the sliding expiry in a column every
 * statement filters on (so an expired row is dead at once, and a periodic
 * {@code DELETE ... WHERE expires_at < now()} served by its index reclaims it), a
 * customer index for listing and revoking all. Every call is one statement, one round
 * trip. {@code unlogged} skips the WAL: faster, and emptied after a crash, which is
 * acceptable for sessions (everyone logs in again) and is the fair comparison with a
 * Redis that does not fsync every write. Plain JDBC so it can move into adapter-postgres.
 */
public final class PostgresSessions implements Sessions {

	private final DataSource dataSource;

	private final String table;

	public PostgresSessions(DataSource dataSource, boolean unlogged) {
		this.dataSource = dataSource;
		this.table = unlogged ? "sessions_unlogged" : "sessions_logged";
	}

	public String table() {
		return this.table;
	}

	/** Creates the table and its indexes (idempotent). */
	public PostgresSessions createSchema() throws SQLException {
		boolean unlogged = this.table.endsWith("unlogged");
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE IF NOT EXISTS " + this.table + " ("
					+ "token_hash text PRIMARY KEY, id text NOT NULL, customer_id uuid NOT NULL, roles text NOT NULL,"
					+ " created_at timestamptz NOT NULL, last_seen_at timestamptz NOT NULL,"
					+ " absolute_expiry timestamptz NOT NULL, expires_at timestamptz NOT NULL)");
			statement.execute("CREATE INDEX IF NOT EXISTS " + this.table + "_customer ON " + this.table
					+ " (customer_id, expires_at)");
			statement
				.execute("CREATE INDEX IF NOT EXISTS " + this.table + "_expiry ON " + this.table + " (expires_at)");
		}
		return this;
	}

	@Override
	public void create(String tokenHash, Session session, Duration idleTimeout) {
		Instant expires = min(session.lastSeenAt().plus(idleTimeout), session.absoluteExpiry());
		update("INSERT INTO " + this.table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO UPDATE SET "
				+ "id = excluded.id, customer_id = excluded.customer_id, roles = excluded.roles,"
				+ " created_at = excluded.created_at, last_seen_at = excluded.last_seen_at,"
				+ " absolute_expiry = excluded.absolute_expiry, expires_at = excluded.expires_at", (ps) -> {
					ps.setString(1, tokenHash);
					ps.setString(2, session.id());
					ps.setObject(3, session.customerId().value());
					ps.setString(4, roles(session.roles()));
					ps.setTimestamp(5, Timestamp.from(session.createdAt()));
					ps.setTimestamp(6, Timestamp.from(session.lastSeenAt()));
					ps.setTimestamp(7, Timestamp.from(session.absoluteExpiry()));
					ps.setTimestamp(8, Timestamp.from(expires));
				});
	}

	@Override
	public Optional<Session> touch(String tokenHash, Instant now, Duration idleTimeout) {
		List<Session> found = query("UPDATE " + this.table
				+ " SET last_seen_at = ?, expires_at = least(?::timestamptz + ?::interval, absolute_expiry)"
				+ " WHERE token_hash = ? AND expires_at > ? RETURNING *", (ps) -> {
					ps.setTimestamp(1, Timestamp.from(now));
					ps.setTimestamp(2, Timestamp.from(now));
					ps.setString(3, idleTimeout.toMillis() + " milliseconds");
					ps.setString(4, tokenHash);
					ps.setTimestamp(5, Timestamp.from(now));
				});
		return found.stream().findFirst();
	}

	@Override
	public List<Session> list(CustomerId customerId, Instant now) {
		return query("SELECT * FROM " + this.table + " WHERE customer_id = ? AND expires_at > ?"
				+ " ORDER BY last_seen_at DESC, created_at DESC, id", (ps) -> {
					ps.setObject(1, customerId.value());
					ps.setTimestamp(2, Timestamp.from(now));
				});
	}

	@Override
	public boolean revoke(String tokenHash) {
		return update("DELETE FROM " + this.table + " WHERE token_hash = ? AND expires_at > now()",
				(ps) -> ps.setString(1, tokenHash)) > 0;
	}

	@Override
	public int revokeAll(CustomerId customerId) {
		return update("DELETE FROM " + this.table + " WHERE customer_id = ? AND expires_at > now()",
				(ps) -> ps.setObject(1, customerId.value()));
	}

	private static String roles(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private interface Binder {

		void bind(PreparedStatement statement) throws SQLException;

	}

	private int update(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Session> query(String sql, Binder binder) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			binder.bind(statement);
			List<Session> sessions = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Set<Role> roles = EnumSet.noneOf(Role.class);
					Arrays.stream(rs.getString("roles").split(","))
						.filter((name) -> !name.isEmpty())
						.forEach((name) -> roles.add(Role.valueOf(name)));
					sessions.add(new Session(rs.getString("id"),
							new CustomerId(rs.getObject("customer_id", java.util.UUID.class)), roles,
							rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
							rs.getTimestamp("absolute_expiry").toInstant()));
				}
			}
			return sessions;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
