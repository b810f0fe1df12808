package io.polyglot.adapter.postgres;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Finds the name of the constraint PostgreSQL reported in an exception's cause chain. */
final class ConstraintNames {

	private ConstraintNames() {
	}

	static @Nullable String violated(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				if (message != null && message.getConstraint() != null) {
					return message.getConstraint();
				}
			}
			if (cause instanceof SQLException sql && sql.getNextException() != null) {
				String next = violated(sql.getNextException());
				if (next != null) {
					return next;
				}
			}
		}
		return null;
	}

}
