package io.polyglot.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The little JDBC the baselines need: one statement per call with positional parameters,
 * and a transaction helper. Plain JDBC keeps the baselines' cost the database's, not a
 * framework's.
 */
public final class Sql {

	private final DataSource dataSource;

	public Sql(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Maps one result row. */
	@FunctionalInterface
	public interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

	/** Work inside one transaction on one connection. */
	@FunctionalInterface
	public interface InTransaction<T> {

		T run(Connection connection) throws SQLException;

	}

	public void execute(String... statements) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	public int update(String sql, Object... parameters) {
		try (Connection connection = this.dataSource.getConnection()) {
			return update(connection, sql, parameters);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
		try (Connection connection = this.dataSource.getConnection()) {
			return query(connection, sql, mapper, parameters);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	public <T> T inTransaction(InTransaction<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			return statement.executeUpdate();
		}
	}

	public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, parameters);
			List<T> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(mapper.map(rs));
				}
			}
			return rows;
		}
	}

	private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
		for (int i = 0; i < parameters.length; i++) {
			Object value = parameters[i];
			if (value instanceof String[] texts) {
				statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
			}
			else if (value instanceof Long[] longs) {
				statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", longs));
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

}
