package io.polyglot.adapter.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Versioned CQL migrations, the Cassandra counterpart of Flyway: creates the keyspace
 * with the configured replication, then applies every {@code cql/V<n>__<name>.cql} not
 * yet recorded in {@code schema_migrations}, in version order. Every statement is
 * {@code IF NOT EXISTS}, so a run interrupted half-way, or two instances starting at
 * once, only repeat work that changes nothing.
 */
final class CassandraMigrations {

	private static final Logger log = LoggerFactory.getLogger(CassandraMigrations.class);

	private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cql");

	/**
	 * Schema changes wait for every node to agree, far slower than a request; they run
	 * once, on first use, so they get a timeout of their own.
	 */
	static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

	private final String keyspace;

	private final String replicationCql;

	private final ConsistencyLevel consistency;

	private final Map<Integer, Consumer<CqlSession>> backfills;

	CassandraMigrations(String keyspace, String replicationCql, ConsistencyLevel consistency) {
		this(keyspace, replicationCql, consistency, Map.of());
	}

	/**
	 * With data steps: after version {@code n}'s statements, {@code backfills.get(n)}
	 * fills the new tables from the existing ones, before the version is recorded (so an
	 * interrupted backfill runs again; it must be idempotent).
	 */
	CassandraMigrations(String keyspace, String replicationCql, ConsistencyLevel consistency,
			Map<Integer, Consumer<CqlSession>> backfills) {
		this.keyspace = keyspace;
		this.replicationCql = replicationCql;
		this.consistency = consistency;
		this.backfills = Map.copyOf(backfills);
	}

	/**
	 * Brings the keyspace up to the newest migration; answers the versions applied now.
	 */
	List<Integer> migrate(CqlSession session) {
		ddl(session, "CREATE KEYSPACE IF NOT EXISTS " + this.keyspace + " WITH replication = " + this.replicationCql);
		ddl(session, "CREATE TABLE IF NOT EXISTS " + this.keyspace
				+ ".schema_migrations (version int PRIMARY KEY, description text, applied_at timestamp)");
		Set<Integer> applied = new HashSet<>();
		for (Row row : session
			.execute(SimpleStatement.newInstance("SELECT version FROM " + this.keyspace + ".schema_migrations")
				.setConsistencyLevel(this.consistency))) {
			applied.add(row.getInt("version"));
		}
		List<Integer> appliedNow = new ArrayList<>();
		for (Migration migration : migrations()) {
			if (applied.contains(migration.version())) {
				continue;
			}
			for (String statement : migration.statements()) {
				ddl(session, statement.replace("${keyspace}", this.keyspace));
			}
			Consumer<CqlSession> backfill = this.backfills.get(migration.version());
			if (backfill != null) {
				backfill.accept(session);
			}
			session.execute(SimpleStatement
				.newInstance(
						"INSERT INTO " + this.keyspace
								+ ".schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
						migration.version(), migration.description(), Instant.now())
				.setConsistencyLevel(this.consistency));
			log.info("Applied Cassandra migration V{} {} to keyspace {}", migration.version(), migration.description(),
					this.keyspace);
			appliedNow.add(migration.version());
		}
		return appliedNow;
	}

	/** Runs a schema change with the DDL timeout rather than the request timeout. */
	static void ddl(CqlSession session, String statement) {
		session.execute(SimpleStatement.newInstance(statement).setTimeout(DDL_TIMEOUT));
	}

	/** The migrations on the classpath, oldest first. */
	static List<Migration> migrations() {
		try {
			List<Migration> migrations = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:cql/V*__*.cql")) {
				Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
				if (!name.matches()) {
					throw new IllegalStateException("Not a migration file name: " + resource.getFilename());
				}
				try (InputStream in = resource.getInputStream()) {
					migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2),
							statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
				}
			}
			migrations.sort(Comparator.comparingInt(Migration::version));
			return migrations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The statements of a script: comment lines dropped, split at semicolons. */
	static List<String> statements(String script) {
		StringBuilder text = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.strip().startsWith("--")) {
				text.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String statement : text.toString().split(";")) {
			if (!statement.isBlank()) {
				statements.add(statement.strip());
			}
		}
		return statements;
	}

	/** One migration script. */
	record Migration(int version, String description, List<String> statements) {

	}

}
