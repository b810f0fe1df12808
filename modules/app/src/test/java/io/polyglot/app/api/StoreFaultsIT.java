package io.polyglot.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.polyglot.app.ContractValidation;
import io.polyglot.app.WithoutLocalStores;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.PostgresStore;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store fault suite of issue #14: the service on the local run's stores (durable,
 * supervised) on free ports, a bounded mixed load over HTTP (logins, {@code /me},
 * transfers, orders, catalog, activity, friends and friendships), and for each store a
 * {@code kill -9} or a {@code SIGSTOP} of its process in the middle of it. Every response
 * must be 2xx or a 503 problem+json within the client's timeout; while a store is paused
 * the concerns that do not use it answer 2xx; the store comes back by itself, the concern
 * it serves answers again without restarting the service, and every write acknowledged
 * during the case is found in its store: transfers and orders in PostgreSQL (money total
 * unchanged), order holds in MongoDB, sessions in Redis, friendships in Neo4j, events the
 * outbox delivered in Cassandra.
 *
 * <p>
 * In the default build (about two and a half minutes: the stores start once per test
 * JVM); {@code -Dpolyglot.store-faults=false} skips it. Each case prints one
 * {@code [fault-matrix]} line (what the client saw, recovery time), the figures of
 * docs/faults.md; they are not asserted.
 */
@WithoutLocalStores
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "polyglot.admin.username=" + ApiTestSupport.ADMIN_USERNAME,
				"polyglot.admin.email=ops@polyglot.example", "polyglot.admin.password=" + ApiTestSupport.ADMIN_PASSWORD,
				"polyglot.sessions.max-failures-per-address=100000",
				// the periodic repair would put lost holds back and hide a loss
				"polyglot.reconciliation.repair-enabled=false",
				// the relay retries a store that is back soon, so its deliveries are
				// checked
				"polyglot.outbox.max-backoff=2s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed after the class: its clients would otherwise retry the stopped stores for the
// rest of the test JVM
@DirtiesContext
@DisabledIfSystemProperty(named = "polyglot.store-faults", matches = "false")
class StoreFaultsIT {

	/**
	 * A response slower than this counts as a violation. The target is ~3 s; the margin
	 * is for this shared 2-core machine (the latencies seen are printed per case).
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);

	/** Generous bound for a store to come back and its concern to answer again. */
	private static final Duration RECOVERY_BOUND = Duration.ofMinutes(3);

	/** Longer than every store client's timeout, so a paused store times requests out. */
	private static final Duration PAUSE = Duration.ofSeconds(5);

	/** Load before the fault. */
	private static final Duration WARM_UP = Duration.ofMillis(1500);

	private static final int LOAD_CLIENTS = 3;

	private static final int CUSTOMERS = 6;

	private static final BigDecimal DEPOSIT = new BigDecimal("1000.00");

	private static final int STOCK = 100_000;

	/** Which request shows that the concern a store serves works again. */
	private static final Map<String, String> PROBE = Map.of("postgres", "transfer", "mongodb", "categories", "redis",
			"me", "cassandra", "activity", "neo4j", "friends");

	/** The stores each request needs (a bearer token is checked in Redis). */
	private static final Map<String, Set<String>> NEEDS = Map.of("login", Set.of("postgres", "redis"), "me",
			Set.of("redis", "postgres"), "transfer", Set.of("redis", "postgres"), "order",
			Set.of("redis", "postgres", "mongodb"), "categories", Set.of("mongodb"), "activity",
			Set.of("redis", "cassandra"), "friends", Set.of("redis", "neo4j"), "befriend",
			Set.of("redis", "neo4j", "postgres"));

	private static final List<String> OPERATIONS = List.copyOf(new java.util.TreeSet<>(NEEDS.keySet()));

	private static Path root;

	private static LocalStores stores;

	@LocalServerPort
	int port;

	@Autowired
	Stock stock;

	@Autowired
	SocialGraph graph;

	@Autowired
	EventLog eventLog;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final List<Customer> customers = new ArrayList<>();

	private final List<String> products = new ArrayList<>();

	/** Acknowledged writes of the running case, checked in their stores after it. */
	private final Set<String> acknowledgedTransfers = ConcurrentHashMap.newKeySet();

	private final Set<String> acknowledgedOrders = ConcurrentHashMap.newKeySet();

	private final Set<String> acknowledgedSessions = ConcurrentHashMap.newKeySet();

	private final Set<List<String>> acknowledgedFriendships = ConcurrentHashMap.newKeySet();

	/** Every answer of the running case: load, probes and the checks during a pause. */
	private final ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();

	private final List<String> matrix = new java.util.concurrent.CopyOnWriteArrayList<>();

	private Instant caseStart = Instant.now();

	@DynamicPropertySource
	static void runStores(DynamicPropertyRegistry registry) throws IOException {
		root = Files.createTempDirectory("polyglot-store-faults-");
		stores = LocalStores.forRunOnFreePorts(root, Set.copyOf(LocalStores.ALL)).start();
		SpringConnectionProperties.of(stores).forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeAll
	void customersWithMoneyAndProducts() throws Exception {
		for (int i = 0; i < CUSTOMERS; i++) {
			String username = ApiTestSupport.unique("faults");
			Response created = send("POST", "/api/v1/customers", null, json(Map.of("username", username, "email",
					ApiTestSupport.emailOf(username), "password", ApiTestSupport.PASSWORD)));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = field(created.body(), "id");
			Customer customer = new Customer(id, username, login(username, ApiTestSupport.PASSWORD));
			Response deposit = send("POST", "/api/v1/accounts/me/deposits", customer,
					json(Map.of("amount", DEPOSIT.toPlainString())));
			assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
			this.customers.add(customer);
		}
		Customer admin = new Customer("", ApiTestSupport.ADMIN_USERNAME,
				login(ApiTestSupport.ADMIN_USERNAME, ApiTestSupport.ADMIN_PASSWORD));
		for (int i = 0; i < 2; i++) {
			String body = "{\"sku\":\"SKU-" + UUID.randomUUID() + "\",\"name\":\"Fault book " + i
					+ "\",\"description\":\"a book for the fault suite\",\"category\":\"book\",\"price\":\"9.99\","
					+ "\"stock\":" + STOCK + ",\"attributes\":{\"author\":\"Ada Lovelace\",\"pages\":120}}";
			Response product = send("POST", "/api/v1/products", admin, body);
			assertThat(product.status()).as(product.body()).isEqualTo(201);
			this.products.add(field(product.body(), "id"));
		}
		// the customers reach the graph through the outbox: befriending works once they
		// are there
		for (Customer one : this.customers) {
			Customer other = this.customers.get((this.customers.indexOf(one) + 1) % CUSTOMERS);
			awaitUntil(() -> send("PUT", "/api/v1/friends/" + other.id(), one, null).status() == 204,
					one.username() + " in the graph");
		}
	}

	@BeforeEach
	void freshCase() {
		// every pair unfriended, so the case's befriendings are writes, not no-ops
		for (Customer one : this.customers) {
			for (Customer other : this.customers) {
				if (one != other) {
					this.graph.removeFriendship(CustomerId.parse(one.id()), CustomerId.parse(other.id()));
				}
			}
		}
		this.acknowledgedTransfers.clear();
		this.acknowledgedOrders.clear();
		this.acknowledgedSessions.clear();
		this.acknowledgedFriendships.clear();
		this.responses.clear();
		this.caseStart = Instant.now();
	}

	@AfterAll
	void stopStores() throws IOException {
		// the fault matrix of docs/faults.md, in one place in the log
		System.out.println("[fault-matrix] store fault | responses 2xx/503 | slowest ms | recovery ms");
		this.matrix.forEach(System.out::println);
		if (stores != null) {
			stores.stop();
		}
		if (root != null) {
			try (var walk = Files.walk(root)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "mongodb", "redis", "cassandra", "neo4j" })
	void killNineOfAStoreUnderLoadIsABounded503AndHealsItself(String store) throws Exception {
		LocalStore target = stores.stores().get(store);
		int restartsBefore = stores.restarts(store);
		long[] restartedAt = new long[1];
		Outcome outcome = underLoad(store, "kill -9", () -> {
			signal("KILL", target.pid().orElseThrow());
			long killed = System.nanoTime();
			awaitUntil(() -> stores.restarts(store) > restartsBefore && target.isRunning(), store + " restarted");
			restartedAt[0] = System.nanoTime() - killed;
			return killed;
		});
		record(store, "kill -9", outcome,
				"store restarted after " + TimeUnit.NANOSECONDS.toMillis(restartedAt[0]) + " ms");
		assertEveryResponseIs2xxOrProblem503(outcome.responses());
		assertAcknowledgedWritesAreInTheirStores();
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "mongodb", "redis", "cassandra", "neo4j" })
	void pausedStoreUnderLoadIsABounded503AndServesAfterResume(String store) throws Exception {
		LocalStore target = stores.stores().get(store);
		List<String> unrelated = OPERATIONS.stream()
			.filter((operation) -> !NEEDS.get(operation).contains(store))
			.toList();
		Map<String, Integer> unrelatedServed = new ConcurrentHashMap<>();
		Outcome outcome = underLoad(store, "SIGSTOP", () -> {
			// PostgreSQL serves each connection from a process of its own: pausing the
			// postmaster alone would leave the open connections working
			long[] pids = processTree(target.pid().orElseThrow());
			signal("STOP", pids);
			try {
				// the concerns that do not need this store keep answering meanwhile
				long resumeAt = System.nanoTime() + PAUSE.toNanos();
				while (System.nanoTime() < resumeAt) {
					for (String operation : unrelated) {
						Response answer = request(operation, customer());
						this.responses.add(answer);
						if (answer.status() / 100 == 2) {
							unrelatedServed.merge(operation, 1, Integer::sum);
						}
					}
					Thread.sleep(50);
				}
			}
			finally {
				signal("CONT", pids);
			}
			return System.nanoTime();
		});
		record(store, "SIGSTOP " + PAUSE.toSeconds() + " s", outcome,
				"unrelated 2xx during the pause " + unrelatedServed);
		assertEveryResponseIs2xxOrProblem503(outcome.responses());
		assertThat(unrelatedServed.keySet()).as("concerns without %s answering while it is paused", store)
			.containsExactlyInAnyOrderElementsOf(unrelated);
		assertAcknowledgedWritesAreInTheirStores();
	}

	/**
	 * Load clients send random requests; after a warm-up the fault is applied, then the
	 * load goes on until the probe of the store's concern has succeeded three times in a
	 * row. The fault returns when the store should serve again (killed: from the kill;
	 * paused: from the resume), the start of the recovery time.
	 */
	private Outcome underLoad(String store, String faultName, Fault fault) throws Exception {
		ConcurrentLinkedQueue<Response> responses = this.responses;
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService load = Executors.newFixedThreadPool(LOAD_CLIENTS);
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < LOAD_CLIENTS; i++) {
			clients.add(load.submit(() -> {
				while (running.get()) {
					responses.add(randomRequest());
				}
				return null;
			}));
		}
		long recoveryNanos;
		try {
			Thread.sleep(WARM_UP.toMillis());
			long faultEnd = fault.apply();
			String probe = PROBE.get(store);
			int succeeded = 0;
			long firstSuccess = 0;
			long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
			while (succeeded < 3) {
				assertThat(System.nanoTime()).as("%s concern (%s) answers again after %s", store, probe, faultName)
					.isLessThan(deadline);
				Response answer = request(probe, customer());
				responses.add(answer);
				if (answer.status() / 100 == 2) {
					firstSuccess = (succeeded == 0) ? System.nanoTime() : firstSuccess;
					succeeded++;
				}
				else {
					succeeded = 0;
				}
				Thread.sleep(100);
			}
			recoveryNanos = Math.max(0, firstSuccess - faultEnd);
		}
		finally {
			running.set(false);
			for (Future<?> client : clients) {
				client.get();
			}
			load.shutdown();
		}
		return new Outcome(List.copyOf(responses), TimeUnit.NANOSECONDS.toMillis(recoveryNanos));
	}

	private void record(String store, String fault, Outcome outcome, String detail) {
		Map<String, String> byOperation = new java.util.TreeMap<>();
		for (String operation : OPERATIONS) {
			List<Response> of = outcome.responses().stream().filter((r) -> r.operation().equals(operation)).toList();
			long ok = of.stream().filter((r) -> r.status() / 100 == 2).count();
			long refused = of.stream().filter((r) -> r.status() == 503).count();
			byOperation.put(operation,
					ok + "/" + refused + ((of.size() > ok + refused) ? "/other " + (of.size() - ok - refused) : ""));
		}
		Response slowest = outcome.responses()
			.stream()
			.max(java.util.Comparator.comparingLong(Response::millis))
			.orElseThrow();
		String line = String.format(java.util.Locale.ROOT, "[fault-matrix] %-9s %-12s | %s | %d (%s %d) | %d (%s)",
				store, fault, byOperation, slowest.millis(), slowest.request().replaceAll("/[0-9a-f-]{36}", "/{id}"),
				slowest.status(), outcome.recoveryMillis(), detail);
		System.out.println(line);
		this.matrix.add(line);
	}

	private Response randomRequest() {
		String operation = OPERATIONS.get(ThreadLocalRandom.current().nextInt(OPERATIONS.size()));
		return request(operation, customer());
	}

	private Customer customer() {
		return this.customers.get(ThreadLocalRandom.current().nextInt(this.customers.size()));
	}

	private Customer other(Customer who) {
		Customer to = customer();
		while (to == who) {
			to = customer();
		}
		return to;
	}

	private Response request(String operation, Customer who) {
		Response response = switch (operation) {
			case "login" -> send("POST", "/api/v1/sessions", null,
					json(Map.of("username", who.username(), "password", ApiTestSupport.PASSWORD)));
			case "me" -> send("GET", "/api/v1/me", who, null);
			case "transfer" ->
				send("POST", "/api/v1/transfers", who, json(Map.of("toCustomerId", other(who).id(), "amount", "0.01")));
			case "order" -> send("POST", "/api/v1/orders", who,
					"{\"lines\":[{\"productId\":\""
							+ this.products.get(ThreadLocalRandom.current().nextInt(this.products.size()))
							+ "\",\"quantity\":1}]}");
			case "categories" -> send("GET", "/api/v1/categories", null, null);
			case "activity" -> send("GET", "/api/v1/me/activity?limit=5", who, null);
			case "friends" -> send("GET", "/api/v1/friends", who, null);
			case "befriend" -> {
				Customer friend = other(who);
				Response put = send("PUT", "/api/v1/friends/" + friend.id(), who, null);
				if (put.status() == 204) {
					this.acknowledgedFriendships.add(List.of(who.id(), friend.id()));
				}
				yield put;
			}
			default -> throw new IllegalArgumentException(operation);
		};
		if (response.status() == 201) {
			switch (operation) {
				case "transfer" -> this.acknowledgedTransfers.add(field(response.body(), "id"));
				case "order" -> this.acknowledgedOrders.add(field(response.body(), "id"));
				case "login" -> this.acknowledgedSessions.add(field(response.body(), "token"));
				default -> {
				}
			}
		}
		return response.of(operation);
	}

	private String login(String username, String password) {
		Response session = send("POST", "/api/v1/sessions", null,
				json(Map.of("username", username, "password", password)));
		assertThat(session.status()).as(session.body()).isEqualTo(201);
		return field(session.body(), "token");
	}

	private Response send(String method, String path, Customer who, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(REQUEST_TIMEOUT);
		if (who != null) {
			builder.header("Authorization", "Bearer " + who.token());
		}
		if (body != null) {
			builder.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			String contract = null;
			try {
				ContractValidation.check(response);
			}
			catch (AssertionError ex) {
				// kept with the response: the load threads go on, the test reports it
				contract = ex.getMessage();
			}
			return new Response(method + " " + path, "", response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(), contract, millis);
		}
		catch (IOException ex) {
			// a timeout or a dropped connection: never an acceptable answer
			return new Response(method + " " + path, "", -1, "", ex.toString(), null,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(method + " " + path, "", -1, "", ex.toString(), null, 0);
		}
	}

	private static void assertEveryResponseIs2xxOrProblem503(List<Response> responses) {
		assertThat(responses).isNotEmpty();
		List<Response> violations = responses.stream()
			.filter((r) -> !(r.status() / 100 == 2
					|| (r.status() == 503 && r.contentType().startsWith("application/problem+json"))))
			.toList();
		assertThat(violations).as("responses that are neither 2xx nor 503 problem+json within %s", REQUEST_TIMEOUT)
			.isEmpty();
		assertThat(responses.stream().filter((r) -> r.contract() != null).toList())
			.as("responses that contradict docs/openapi.json")
			.isEmpty();
	}

	/** Every write acknowledged during the case, looked up in the store that holds it. */
	private void assertAcknowledgedWritesAreInTheirStores() throws Exception {
		assertMoneyAndOrdersAreInPostgres();
		assertOrderHoldsAreInMongodb();
		assertSessionsAreInRedis();
		assertFriendshipsAreInNeo4j();
		assertDeliveredEventsAreInCassandra();
	}

	/**
	 * Every acknowledged transfer and order is in PostgreSQL; no money appeared or
	 * vanished.
	 */
	private void assertMoneyAndOrdersAreInPostgres() throws Exception {
		try (Connection connection = awaitConnection(stores.postgres())) {
			assertThat(countIn(connection, "SELECT count(*) FROM transfers WHERE id = ANY (?)",
					this.acknowledgedTransfers))
				.as("acknowledged transfers in PostgreSQL")
				.isEqualTo(this.acknowledgedTransfers.size());
			assertThat(countIn(connection, "SELECT count(*) FROM orders WHERE id = ANY (?)", this.acknowledgedOrders))
				.as("acknowledged orders in PostgreSQL")
				.isEqualTo(this.acknowledgedOrders.size());
			try (PreparedStatement sum = connection
				.prepareStatement("SELECT sum(balance) FROM accounts WHERE customer_id = ANY (?)")) {
				sum.setArray(1, connection.createArrayOf("uuid",
						this.customers.stream().map((c) -> UUID.fromString(c.id())).toArray()));
				try (ResultSet rs = sum.executeQuery()) {
					rs.next();
					assertThat(rs.getBigDecimal(1)).as("money of the case's customers")
						.isEqualByComparingTo(DEPOSIT.multiply(BigDecimal.valueOf(CUSTOMERS)));
				}
			}
		}
	}

	private static int countIn(Connection connection, String sql, Set<String> ids) throws Exception {
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			Array array = connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
			select.setArray(1, array);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/**
	 * Each acknowledged order's stock hold is in the catalog (orders stay unpaid here).
	 */
	private void assertOrderHoldsAreInMongodb() throws Exception {
		Set<String> held = eventually(() -> this.stock.levels()
			.stream()
			.flatMap((level) -> level.holds().keySet().stream())
			.map(UUID::toString)
			.collect(Collectors.toSet()));
		assertThat(held).as("holds in MongoDB of the acknowledged orders").containsAll(this.acknowledgedOrders);
	}

	/** Each session an acknowledged login created still authenticates (Redis). */
	private void assertSessionsAreInRedis() throws Exception {
		for (String token : this.acknowledgedSessions) {
			Customer bearer = new Customer("", "", token);
			int status = eventually(() -> {
				int answer = send("GET", "/api/v1/sessions", bearer, null).status();
				if (answer == 503) {
					throw new IllegalStateException("not back yet");
				}
				return answer;
			});
			assertThat(status).as("the session of an acknowledged login, looked up in Redis").isEqualTo(200);
		}
	}

	private void assertFriendshipsAreInNeo4j() throws Exception {
		for (List<String> pair : this.acknowledgedFriendships) {
			Set<CustomerId> friends = eventually(() -> this.graph.friendIds(CustomerId.parse(pair.get(0))));
			assertThat(friends).as("acknowledged friendship %s in Neo4j", pair).contains(CustomerId.parse(pair.get(1)));
		}
	}

	/**
	 * Every event the outbox relay marked delivered to the event log during the case is
	 * in Cassandra: the relay's acknowledged writes.
	 */
	private void assertDeliveredEventsAreInCassandra() throws Exception {
		Map<String, Set<UUID>> delivered = new java.util.HashMap<>();
		try (Connection connection = awaitConnection(stores.postgres());
				PreparedStatement select = connection.prepareStatement("SELECT o.event_id, o.stream FROM outbox o "
						+ "JOIN outbox_delivery d ON d.position = o.position "
						+ "WHERE d.consumer = 'eventlog' AND d.delivered_at IS NOT NULL AND o.occurred_at >= ?")) {
			select.setTimestamp(1, java.sql.Timestamp.from(this.caseStart));
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					delivered.computeIfAbsent(rs.getString(2), (stream) -> new java.util.HashSet<>())
						.add(rs.getObject(1, UUID.class));
				}
			}
		}
		TimeRange range = new TimeRange(this.caseStart.minus(Duration.ofMinutes(1)),
				Instant.now().plus(Duration.ofMinutes(1)));
		for (Map.Entry<String, Set<UUID>> stream : delivered.entrySet()) {
			Set<UUID> found = eventually(() -> {
				Set<UUID> ids = new java.util.HashSet<>();
				PageRequest page = PageRequest.of(PageRequest.MAX_LIMIT, null);
				while (true) {
					Page<DomainEvent> events = this.eventLog.read(EventStream.parse(stream.getKey()), range, page);
					events.items().forEach((event) -> ids.add(event.id()));
					if (events.nextCursor() == null) {
						return ids;
					}
					page = new PageRequest(PageRequest.MAX_LIMIT, events.nextCursor());
				}
			});
			assertThat(found).as("events delivered to the event log of stream %s, in Cassandra", stream.getKey())
				.containsAll(stream.getValue());
		}
	}

	/** The value once the stores answer (a check right after a case may meet a 503). */
	private static <T> T eventually(java.util.concurrent.Callable<T> read) throws Exception {
		long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
		while (true) {
			try {
				return read.call();
			}
			catch (RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	private static Connection awaitConnection(PostgresStore postgres) throws Exception {
		long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
		while (true) {
			try {
				return DriverManager.getConnection(postgres.jdbcUrl(), PostgresStore.USER, "");
			}
			catch (java.sql.SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	private static void signal(String signal, long... pids) {
		List<String> command = new ArrayList<>(List.of("kill", "-s", signal));
		for (long pid : pids) {
			command.add(String.valueOf(pid));
		}
		try {
			Process kill = new ProcessBuilder(command).inheritIO().start();
			// a short-lived PostgreSQL child may have exited since it was listed
			assertThat(kill.waitFor() == 0 || pids.length > 1).as(String.join(" ", command)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The process and every process under it, children first. */
	private static long[] processTree(long pid) {
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		return java.util.stream.Stream.concat(process.descendants(), java.util.stream.Stream.of(process))
			.mapToLong(ProcessHandle::pid)
			.toArray();
	}

	private static void awaitUntil(java.util.function.BooleanSupplier condition, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static String json(Map<String, String> body) {
		StringBuilder json = new StringBuilder("{");
		body.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
			.append('"'));
		return json.append('}').toString();
	}

	/** A top-level string field of a JSON object: enough for ids and tokens. */
	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		assertThat(matcher.find()).as(name + " in " + json).isTrue();
		return matcher.group(1);
	}

	/** A fault: applies it and returns when the store should serve again. */
	@FunctionalInterface
	private interface Fault {

		long apply() throws Exception;

	}

	private record Customer(String id, String username, String token) {
	}

	/** What one case's load saw, and how long the concern took to answer again. */
	private record Outcome(List<Response> responses, long recoveryMillis) {
	}

	/** One answer; {@code contract} says how it contradicts the document, if it does. */
	private record Response(String request, String operation, int status, String contentType, String body,
			String contract, long millis) {

		Response of(String name) {
			return new Response(this.request, name, this.status, this.contentType, this.body, this.contract,
					this.millis);
		}

	}

}
