package io.polyglot.bench.stores;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.polyglot.adapter.postgres.PostgresPorts;
import io.polyglot.localstores.LocalStoreException;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The connections of one bench run, opened on first use. Stores the user did not point
 * the run at are started through infra/local-stores (free ports, fresh data) and stopped
 * by {@link #close}. Everything the bench writes goes to its own namespaces: database
 * {@code polyglot_bench} in PostgreSQL and MongoDB, keyspace {@code polyglot_bench} in
 * Cassandra; Redis and Neo4j have none, so their keys and nodes carry random ids and the
 * graph's nodes a {@code bench} property, and are removed afterwards.
 */
public final class Stores implements AutoCloseable {

	/** The bench's own database / keyspace name in every store that has namespaces. */
	public static final String NAMESPACE = "polyglot_bench";

	private static final int START_ATTEMPTS = 2;

	private final ConnectionProperties userProperties;

	private final Set<String> wanted;

	private ConnectionProperties properties;

	private @Nullable LocalStores local;

	private @Nullable Path localRoot;

	private final Map<String, String> implementations = new LinkedHashMap<>();

	private final Set<String> external = new LinkedHashSet<>();

	private @Nullable HikariDataSource postgres;

	private @Nullable LettuceConnectionFactory redisFactory;

	private @Nullable StringRedisTemplate redisTemplate;

	private @Nullable RedisClient redisClient;

	private @Nullable StatefulRedisConnection<String, String> redisRaw;

	private @Nullable MongoClient mongo;

	private @Nullable CqlSession cassandra;

	private @Nullable Driver neo4j;

	private final int poolSize;

	/**
	 * Whether locally started stores get the run command's durable settings (fsync,
	 * synchronous commit, commit per write, AOF, commit log synced before the reply)
	 * instead of the tests' fast ones.
	 */
	private final boolean durable;

	public Stores(ConnectionProperties properties, Set<String> wanted, int poolSize) {
		this(properties, wanted, poolSize, false);
	}

	public Stores(ConnectionProperties properties, Set<String> wanted, int poolSize, boolean durable) {
		this.userProperties = properties;
		this.properties = properties;
		this.wanted = wanted;
		this.poolSize = poolSize;
		this.durable = durable;
	}

	/** Starts the local stores the user did not point the run at. */
	public Stores start() throws Exception {
		Set<String> toStart = new LinkedHashSet<>();
		for (String store : this.wanted) {
			if (this.userProperties.configures(store)) {
				this.external.add(store);
			}
			else {
				toStart.add(store);
			}
		}
		if (!toStart.isEmpty()) {
			this.local = startLocal(toStart);
			this.local.stores().forEach((name, store) -> this.implementations.put(name, store.implementation()));
			this.properties = this.userProperties.withDefaults(SpringConnectionProperties.of(this.local));
		}
		return this;
	}

	/**
	 * Starts the stores on fresh data (the tests' fast settings, or the run command's
	 * durable ones); a second try when one misses its start timeout, as Neo4j did twice
	 * in four runs on this shared machine at load 15-20 (the failed try stops what it
	 * started).
	 */
	private LocalStores startLocal(Set<String> names) throws Exception {
		for (int attempt = 1;; attempt++) {
			this.localRoot = Files.createTempDirectory("polyglot-bench-stores-");
			try {
				return (this.durable ? LocalStores.forRunOnFreePorts(this.localRoot, names)
						: LocalStores.forTests(this.localRoot, names))
					.start();
			}
			catch (LocalStoreException ex) {
				deleteLocalRoot();
				if (attempt == START_ATTEMPTS) {
					throw ex;
				}
				System.err.println("stores did not start (" + ex.getMessage().lines().findFirst().orElse("")
						+ "); starting them again");
			}
		}
	}

	/** The stores the user pointed the run at (the others were started locally). */
	public Set<String> external() {
		return Set.copyOf(this.external);
	}

	public boolean has(String store) {
		return this.wanted.contains(store);
	}

	/**
	 * How each store is served, e.g. "mongo-java-server 1.47 (wire-compatible) (local)".
	 */
	public Map<String, String> implementations() {
		return Map.copyOf(this.implementations);
	}

	/**
	 * A pooled data source on the bench database, recreated on first use with the
	 * service's migrations applied.
	 */
	public synchronized DataSource postgres() throws Exception {
		if (this.postgres == null) {
			String url = this.properties.get("spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres");
			String user = this.properties.get("spring.datasource.username", "postgres");
			String password = this.properties.get("spring.datasource.password", "");
			try (HikariDataSource admin = pool(url, user, password, 1);
					Connection connection = admin.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + NAMESPACE + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + NAMESPACE);
			}
			this.postgres = pool(withDatabase(url, NAMESPACE), user, password, this.poolSize);
			// the service's schema first: Flyway refuses a non-empty schema without its
			// history, and the PostgreSQL baselines are the routing's adapters on it
			PostgresPorts.migrate(this.postgres);
			this.implementations.putIfAbsent("postgres", "PostgreSQL " + postgresVersion());
		}
		return this.postgres;
	}

	/** The JDBC URL of the bench's own database (after {@link #postgres()}). */
	public String postgresUrl() {
		return withDatabase(this.properties.get("spring.datasource.url", "jdbc:postgresql://localhost:5432/postgres"),
				NAMESPACE);
	}

	public String postgresUser() {
		return this.properties.get("spring.datasource.username", "postgres");
	}

	public String postgresPassword() {
		return this.properties.get("spring.datasource.password", "");
	}

	private String postgresVersion() throws Exception {
		try (Connection connection = this.postgres.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static HikariDataSource pool(String url, String user, String password, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(Math.min(size, 4));
		config.setConnectionTimeout(10_000);
		config.setPoolName("bench-" + size);
		return new HikariDataSource(config);
	}

	/** The JDBC URL with its database replaced. */
	static String withDatabase(String jdbcUrl, String database) {
		int scheme = jdbcUrl.indexOf("//");
		int slash = jdbcUrl.indexOf('/', scheme + 2);
		int query = jdbcUrl.indexOf('?');
		String base = (slash < 0) ? ((query < 0) ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, slash);
		String rest = (query < 0) ? "" : jdbcUrl.substring(query);
		return base + "/" + database + rest;
	}

	/** The Spring template the Redis adapter runs on. */
	public synchronized StringRedisTemplate redisTemplate() {
		if (this.redisTemplate == null) {
			RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(redisHost(), redisPort());
			this.properties.get("spring.data.redis.password").ifPresent(configuration::setPassword);
			this.redisFactory = new LettuceConnectionFactory(configuration);
			this.redisFactory.afterPropertiesSet();
			this.redisFactory.start();
			this.redisTemplate = new StringRedisTemplate(this.redisFactory);
		}
		return this.redisTemplate;
	}

	/**
	 * A bare Lettuce connection (thread-safe, pipelined like the template's shared one).
	 */
	public synchronized StatefulRedisConnection<String, String> redisRaw() {
		if (this.redisRaw == null) {
			RedisURI.Builder uri = RedisURI.builder().withHost(redisHost()).withPort(redisPort());
			this.properties.get("spring.data.redis.password").ifPresent((p) -> uri.withPassword(p.toCharArray()));
			this.redisClient = RedisClient.create(uri.build());
			this.redisRaw = this.redisClient.connect();
			String info = this.redisRaw.sync().info("server");
			String version = info.lines()
				.filter((line) -> line.startsWith("redis_version:"))
				.map((line) -> line.substring("redis_version:".length()).trim())
				.findFirst()
				.orElse("?");
			this.implementations.putIfAbsent("redis", "Redis " + version);
		}
		return this.redisRaw;
	}

	private String redisHost() {
		return this.properties.get("spring.data.redis.host", "localhost");
	}

	private int redisPort() {
		return Integer.parseInt(this.properties.get("spring.data.redis.port", "6379"));
	}

	/** The bench database in MongoDB (dropped on first use). */
	public synchronized MongoDatabase mongoDatabase() {
		if (this.mongo == null) {
			this.mongo = MongoClients.create(this.properties.get("spring.mongodb.uri",
					this.properties.get("spring.data.mongodb.uri", "mongodb://localhost:27017")));
			this.mongo.getDatabase(NAMESPACE).drop();
			Document build = this.mongo.getDatabase("admin").runCommand(new Document("buildInfo", 1));
			this.implementations.putIfAbsent("mongodb", "MongoDB " + build.get("version"));
		}
		return this.mongo.getDatabase(NAMESPACE);
	}

	public MongoTemplate mongoTemplate() {
		mongoDatabase();
		return new MongoTemplate(this.mongo, NAMESPACE);
	}

	/**
	 * A driver session (no keyspace; the bench's is {@link #NAMESPACE}, dropped first).
	 */
	public synchronized CqlSession cassandra() {
		if (this.cassandra == null) {
			String points = this.properties.get("spring.cassandra.contact-points", "localhost:9042");
			String datacenter = this.properties.get("spring.cassandra.local-datacenter", "datacenter1");
			var builder = CqlSession.builder()
				.withLocalDatacenter(datacenter)
				.withConfigLoader(DriverConfigLoader.programmaticBuilder()
					.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, java.time.Duration.ofSeconds(20))
					.withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, java.time.Duration.ofSeconds(10))
					.withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
					.build());
			for (String point : points.split(",")) {
				URI uri = URI.create("cql://" + point.trim());
				builder.addContactPoint(
						new java.net.InetSocketAddress(uri.getHost(), (uri.getPort() < 0) ? 9042 : uri.getPort()));
			}
			this.properties.get("spring.cassandra.username")
				.ifPresent((user) -> builder.withAuthCredentials(user,
						this.properties.get("spring.cassandra.password", "")));
			this.cassandra = builder.build();
			this.cassandra.execute("DROP KEYSPACE IF EXISTS " + NAMESPACE);
			String version = this.cassandra.execute("SELECT release_version FROM system.local").one().getString(0);
			this.implementations.putIfAbsent("cassandra", "Cassandra " + version);
		}
		return this.cassandra;
	}

	public synchronized Driver neo4j() {
		if (this.neo4j == null) {
			String uri = this.properties.get("spring.neo4j.uri", "bolt://localhost:7687");
			var user = this.properties.get("spring.neo4j.authentication.username");
			this.neo4j = user.isPresent()
					? GraphDatabase.driver(uri,
							AuthTokens.basic(user.get(),
									this.properties.get("spring.neo4j.authentication.password", "")))
					: GraphDatabase.driver(uri, AuthTokens.none());
			this.neo4j.verifyConnectivity();
			String version = this.neo4j.executableQuery("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
				.execute()
				.records()
				.get(0)
				.get("v")
				.asString();
			this.implementations.putIfAbsent("neo4j", "Neo4j " + version);
		}
		return this.neo4j;
	}

	private boolean closed;

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.neo4j != null) {
			this.neo4j.close();
		}
		if (this.cassandra != null) {
			this.cassandra.close();
		}
		if (this.mongo != null) {
			this.mongo.close();
		}
		if (this.redisRaw != null) {
			this.redisRaw.close();
			this.redisClient.shutdown();
		}
		if (this.redisFactory != null) {
			this.redisFactory.destroy();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.local != null) {
			this.local.stop();
		}
		deleteLocalRoot();
	}

	private void deleteLocalRoot() {
		if (this.localRoot != null) {
			try (var paths = Files.walk(this.localRoot)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (Exception ex) {
				// temp data: the OS cleans it eventually
			}
			this.localRoot = null;
		}
	}

}
