package io.polyglot.app.resilience;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.polyglot.app.ContractValidation;
import io.polyglot.app.PolyglotApplication;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.Ports;
import io.polyglot.localstores.PostgresStore;
import io.polyglot.localstores.SpringConnectionProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the service in the middle of concurrent transfers and order
 * placements, on the local run's durable stores (PostgreSQL, MongoDB, Redis, Cassandra on
 * free ports, supervised). The service runs as a JVM of its own ({@code java -cp} of this
 * test's classpath with {@link PolyglotApplication}), is killed once enough requests have
 * been acknowledged, and is started again on the same stores. Then:
 * <ul>
 * <li>every request whose answer was lost or was not a 2xx is sent again with its
 * Idempotency-Key: it replays the stored answer or completes now, never twice; a 2xx
 * answered before the kill, sent again, replays the same body;</li>
 * <li>the bank invariant: the money total of the test's customers is unchanged, each
 * balance is its ledger's sum, and the transfers stored are exactly the acknowledged
 * ones, each once with its two entries;</li>
 * <li>nothing acknowledged is lost: the orders stored are exactly the acknowledged
 * ones;</li>
 * <li>outbox exactly-once: once the relay has drained, every outbox event id is in
 * Cassandra's event log exactly once, and nothing else is;</li>
 * <li>after the administrators' repair (holds the kill left without an order are released
 * after their grace period), the reconciliation is clean and every product's stock is its
 * received units minus the live orders' units.</li>
 * </ul>
 * The social graph is routed to PostgreSQL here (Neo4j plays no part in either write); no
 * timing is asserted, waits are bounded.
 */
@DisabledIfSystemProperty(named = "polyglot.test.stores", matches = "external",
		disabledReason = "needs the local run's stores")
class ServiceCrashIT {

	private static final Set<String> STORES = Set.of("postgres", "mongodb", "redis", "cassandra");

	private static final String ADMIN = "crash-ops";

	private static final String ADMIN_PASSWORD = "operator secret for the crash test";

	private static final String PASSWORD = "correct horse battery";

	private static final int CUSTOMERS = 6;

	private static final BigDecimal DEPOSIT = new BigDecimal("1000.00");

	private static final int PRODUCTS = 4;

	private static final int STOCK = 40;

	/** Acknowledged writes before the kill: enough that some are surely in flight. */
	private static final int TRANSFERS_BEFORE_KILL = 40;

	private static final int ORDERS_BEFORE_KILL = 12;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Upper bound of every wait (start, drain, repair); generous for a loaded machine.
	 */
	private static final Duration BOUND = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path root;

	private static LocalStores stores;

	private static @Nullable Service service;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startStores() throws IOException {
		root = Files.createTempDirectory("polyglot-service-crash-");
		stores = LocalStores.forRunOnFreePorts(root, STORES).start();
	}

	@AfterAll
	static void stopEverything() throws IOException {
		if (service != null) {
			service.kill();
		}
		if (stores != null) {
			stores.stop();
		}
		if (root != null) {
			try (var paths = Files.walk(root)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Test
	void aKilledServiceRestartsWithNothingAcknowledgedLostOrDoubled() throws Exception {
		service = Service.start(root.resolve("service-1.log"));
		String adminToken = login(service, ADMIN, ADMIN_PASSWORD);
		List<String> products = new ArrayList<>();
		for (int i = 0; i < PRODUCTS; i++) {
			products.add(createProduct(service, adminToken, i));
		}
		List<Customer> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(newCustomer(service));
		}

		// concurrent transfers and orders until enough are acknowledged, then kill -9
		List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean stop = new AtomicBoolean();
		Service first = service;
		ExecutorService load = Executors.newFixedThreadPool(5);
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < 5; w++) {
			boolean orders = w >= 3;
			writers.add(load.submit(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (!stop.get()) {
					Attempt attempt = orders ? orderAttempt(random, customers, products)
							: transferAttempt(random, customers);
					attempts.add(attempt);
					Reply reply = send(first, attempt.method(), attempt.path(), attempt.customer().token(),
							attempt.key(), attempt.body());
					attempt.firstReply = reply;
					if (reply.status() < 0) {
						return; // the service is gone: this answer is lost
					}
				}
			}));
		}
		awaitTrue("acknowledged transfers and orders before the kill",
				() -> acknowledged(attempts, "transfer").size() >= TRANSFERS_BEFORE_KILL
						&& acknowledged(attempts, "order").size() >= ORDERS_BEFORE_KILL
						|| writers.stream().allMatch(Future::isDone));
		first.kill();
		stop.set(true);
		for (Future<?> writer : writers) {
			writer.get(REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
		}
		load.shutdown();
		List<Attempt> beforeKill = List.copyOf(attempts);
		long lost = beforeKill.stream().filter((a) -> a.firstReply.status() < 0).count();
		System.out.printf("service crash: killed after %d transfers and %d orders acknowledged, %d answers lost%n",
				acknowledged(beforeKill, "transfer").size(), acknowledged(beforeKill, "order").size(), lost);
		assertThat(beforeKill.stream().filter((a) -> a.firstReply.status() >= 500 && a.firstReply.status() != 503))
			.as("answers before the kill other than 2xx, 4xx or 503")
			.isEmpty();

		// the same stores, a new process
		service = Service.start(root.resolve("service-2.log"));
		Service second = service;
		adminToken = login(second, ADMIN, ADMIN_PASSWORD);
		Map<String, String> tokens = new HashMap<>();
		for (Customer customer : customers) {
			tokens.put(customer.id(), login(second, customer.username(), PASSWORD));
		}

		// every request without a 2xx, again with its key: it completes or replays once
		for (Attempt attempt : beforeKill) {
			if (attempt.firstReply.status() / 100 != 2) {
				attempt.retryReply = retryUntilSettled(second, attempt, tokens.get(attempt.customer().id()));
				assertThat(attempt.retryReply.status()).as("retry of %s", attempt).isIn(200, 201, 422);
			}
		}
		List<Attempt> retried = beforeKill.stream().filter((a) -> a.retryReply != null).toList();
		System.out.printf(
				"service crash: %d retried after the restart (%d of them lost answers): %d replayed a commit made "
						+ "before the kill, %d completed now, %d refused (422)%n",
				retried.size(), lost, retried.stream().filter((a) -> a.retryReply.replayed()).count(),
				retried.stream().filter((a) -> !a.retryReply.replayed() && a.retryReply.status() / 100 == 2).count(),
				retried.stream().filter((a) -> a.retryReply.status() == 422).count());
		// and a few acknowledged ones: the answer is the first one, nothing happens again
		for (String kind : List.of("transfer", "order")) {
			List<Attempt> acknowledged = acknowledged(beforeKill, kind).stream()
				.filter((a) -> a.firstReply.status() / 100 == 2)
				.limit(5)
				.toList();
			for (Attempt attempt : acknowledged) {
				Reply replay = send(second, attempt.method(), attempt.path(), tokens.get(attempt.customer().id()),
						attempt.key(), attempt.body());
				assertThat(replay.status()).as("replay of %s", attempt).isEqualTo(attempt.firstReply.status());
				assertThat(replay.body()).as("replay of %s", attempt).isEqualTo(attempt.firstReply.body());
				assertThat(replay.replayed()).as("marked as a replay: %s", attempt).isTrue();
			}
		}

		Set<String> transferIds = ids(acknowledged(beforeKill, "transfer"));
		Set<String> orderIds = ids(acknowledged(beforeKill, "order"));
		Set<String> ordersAcknowledgedBeforeKill = new HashSet<>();
		beforeKill.stream()
			.filter((a) -> a.kind().equals("order") && a.firstReply.status() / 100 == 2)
			.forEach((a) -> ordersAcknowledgedBeforeKill.add((String) a.firstReply.body().get("id")));
		assertThat(transferIds).isNotEmpty();
		assertThat(ordersAcknowledgedBeforeKill).isNotEmpty();

		try (Connection db = DriverManager.getConnection(stores.postgres().jdbcUrl(), PostgresStore.USER, "")) {
			UUID[] customerIds = customers.stream().map((c) -> UUID.fromString(c.id())).toArray(UUID[]::new);
			assertBankInvariant(db, customerIds, transferIds);
			Set<String> storedOrders = new HashSet<>(strings(db,
					"SELECT id::text FROM orders WHERE customer_id = ANY (?)", db.createArrayOf("uuid", customerIds)));
			assertThat(storedOrders).as("orders acknowledged before the kill, after the restart")
				.containsAll(ordersAcknowledgedBeforeKill);
			assertThat(storedOrders).as("orders stored = orders acknowledged").isEqualTo(orderIds);
			assertOutboxDeliveredExactlyOnce(db);
			assertStockRepairedAndReconciled(second, adminToken, db, products);
		}
	}

	private static void assertBankInvariant(Connection db, UUID[] customerIds, Set<String> acknowledged)
			throws Exception {
		BigDecimal total = BigDecimal.ZERO;
		try (PreparedStatement select = db.prepareStatement("""
				SELECT a.id, a.balance, coalesce(sum(e.amount), 0) AS ledger_sum
				FROM accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
				WHERE a.customer_id = ANY (?)
				GROUP BY a.id, a.balance""")) {
			select.setArray(1, db.createArrayOf("uuid", customerIds));
			try (ResultSet rs = select.executeQuery()) {
				int accounts = 0;
				while (rs.next()) {
					accounts++;
					BigDecimal balance = rs.getBigDecimal("balance");
					assertThat(balance.signum()).as("balance of %s", rs.getString("id")).isNotNegative();
					assertThat(balance).as("ledger of %s replays to its balance", rs.getString("id"))
						.isEqualByComparingTo(rs.getBigDecimal("ledger_sum"));
					total = total.add(balance);
				}
				assertThat(accounts).isEqualTo(customerIds.length);
			}
		}
		assertThat(total).as("money total").isEqualByComparingTo(DEPOSIT.multiply(BigDecimal.valueOf(CUSTOMERS)));
		Map<String, long[]> stored = new LinkedHashMap<>();
		try (PreparedStatement select = db.prepareStatement("""
				SELECT t.id::text AS id, count(e.id) AS entries, coalesce(sum(e.amount), 0) AS entry_sum
				FROM transfers t
				JOIN accounts a ON a.id = t.from_account_id
				LEFT JOIN ledger_entries e ON e.reference = t.id
				WHERE a.customer_id = ANY (?)
				GROUP BY t.id""")) {
			select.setArray(1, db.createArrayOf("uuid", customerIds));
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					assertThat(stored.put(rs.getString("id"), new long[] { rs.getLong("entries") }))
						.as("transfer stored once")
						.isNull();
					assertThat(rs.getLong("entries")).as("two entries of %s", rs.getString("id")).isEqualTo(2);
					assertThat(rs.getBigDecimal("entry_sum")).isEqualByComparingTo("0");
				}
			}
		}
		assertThat(stored.keySet()).as("transfers stored = transfers acknowledged").isEqualTo(acknowledged);
	}

	/** Waits for the relay to put every outbox event into Cassandra, then counts them. */
	private static void assertOutboxDeliveredExactlyOnce(Connection db) throws Exception {
		List<String> outbox = strings(db, "SELECT event_id::text FROM outbox", null);
		assertThat(outbox).isNotEmpty().doesNotHaveDuplicates();
		try (CqlSession cassandra = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(stores.cassandra().host(), stores.cassandra().port()))
			.withLocalDatacenter("datacenter1")
			.build()) {
			List<String> inLog = new ArrayList<>();
			awaitTrue("every outbox event in the event log", () -> {
				inLog.clear();
				try {
					for (Row row : cassandra.execute("SELECT event_id FROM polyglot.events")) {
						inLog.add(row.getUuid("event_id").toString());
					}
				}
				catch (RuntimeException ex) {
					return false; // the keyspace may not exist yet
				}
				return new HashSet<>(inLog).containsAll(outbox);
			});
			System.out.printf("service crash: %d outbox events, %d rows in the event log%n", outbox.size(),
					inLog.size());
			assertThat(inLog).as("event ids in Cassandra").doesNotHaveDuplicates();
			assertThat(new HashSet<>(inLog)).isEqualTo(new HashSet<>(outbox));
		}
	}

	@SuppressWarnings("unchecked")
	private void assertStockRepairedAndReconciled(Service on, String adminToken, Connection db, List<String> products)
			throws Exception {
		Reply before = send(on, "GET", "/api/v1/admin/reconciliation", adminToken, null, null);
		assertThat(before.status()).isEqualTo(200);
		System.out.println("service crash: reconciliation before the repair: " + before.body());
		// holds the kill left without an order wait for their grace period (2 s here)
		List<Map<String, Object>> repaired = new ArrayList<>();
		awaitTrue("a repair that leaves nothing waiting", () -> {
			Reply repair = send(on, "POST", "/api/v1/admin/reconciliation/repair", adminToken, null, null);
			assertThat(repair.status()).as("repair: %s", repair).isEqualTo(200);
			assertThat((List<Object>) repair.body().get("unrepaired")).as("oversold orders").isEmpty();
			repaired.addAll((List<Map<String, Object>>) repair.body().get("repaired"));
			return ((List<Object>) repair.body().get("waiting")).isEmpty();
		});
		System.out.println("service crash: repaired " + repaired);
		Reply after = send(on, "GET", "/api/v1/admin/reconciliation", adminToken, null, null);
		assertThat(after.body()).as("reconciliation after the repair").containsEntry("clean", true);
		for (String product : products) {
			Reply read = send(on, "GET", "/api/v1/products/" + product, null, null, null);
			long live = 0;
			try (PreparedStatement held = db.prepareStatement("""
					SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
					WHERE l.product_id = ?::uuid AND o.status IN ('PENDING', 'PAID')""")) {
				held.setString(1, product);
				try (ResultSet rs = held.executeQuery()) {
					rs.next();
					live = rs.getLong(1);
				}
			}
			assertThat(live).as("units of live orders of %s", product).isLessThanOrEqualTo(STOCK);
			assertThat(((Number) read.body().get("stock")).longValue()).as("stock of %s", product)
				.isEqualTo(STOCK - live);
		}
	}

	/** Sends the attempt again until it is no longer in flight (a crashed claim). */
	private Reply retryUntilSettled(Service on, Attempt attempt, String token) {
		Reply[] last = new Reply[1];
		awaitTrue("retry of " + attempt + " settles", () -> {
			last[0] = send(on, attempt.method(), attempt.path(), token, attempt.key(), attempt.body());
			// 409: the key's claim by the killed process until abandon-after (3 s here)
			return last[0].status() != 409 && last[0].status() != 503;
		});
		return last[0];
	}

	private static Attempt transferAttempt(ThreadLocalRandom random, List<Customer> customers) {
		Customer from = customers.get(random.nextInt(customers.size()));
		Customer to = customers.get(random.nextInt(customers.size()));
		while (to == from) {
			to = customers.get(random.nextInt(customers.size()));
		}
		String amount = BigDecimal.valueOf(random.nextLong(100, 5_000), 2).toPlainString();
		return new Attempt("transfer", from, "POST", "/api/v1/transfers", UUID.randomUUID().toString(),
				Map.of("toCustomerId", to.id(), "amount", amount));
	}

	private static Attempt orderAttempt(ThreadLocalRandom random, List<Customer> customers, List<String> products) {
		Customer who = customers.get(random.nextInt(customers.size()));
		int firstProduct = random.nextInt(products.size());
		List<Map<String, Object>> lines = new ArrayList<>();
		lines.add(Map.of("productId", products.get(firstProduct), "quantity", 1 + random.nextInt(2)));
		if (random.nextBoolean()) {
			lines.add(Map.of("productId", products.get((firstProduct + 1) % products.size()), "quantity", 1));
		}
		return new Attempt("order", who, "POST", "/api/v1/orders", UUID.randomUUID().toString(),
				Map.of("lines", lines));
	}

	/** The attempts of a kind whose final answer (first, or after the retry) is a 2xx. */
	private static List<Attempt> acknowledged(List<Attempt> attempts, String kind) {
		synchronized (attempts) {
			return attempts.stream()
				.filter((a) -> a.kind().equals(kind))
				.filter((a) -> a.finalReply() != null && a.finalReply().status() / 100 == 2)
				.toList();
		}
	}

	private static Set<String> ids(List<Attempt> attempts) {
		Set<String> ids = new HashSet<>();
		for (Attempt attempt : attempts) {
			assertThat(ids.add((String) attempt.finalReply().body().get("id"))).as("one id per request: %s", attempt)
				.isTrue();
		}
		return ids;
	}

	private String createProduct(Service on, String adminToken, int i) {
		Reply reply = send(on, "POST", "/api/v1/products", adminToken, null,
				Map.of("sku", "CRASH-" + UUID.randomUUID(), "name", "Crash book " + i, "description",
						"a book for the crash test", "category", "book", "price", "5.00", "stock", STOCK, "attributes",
						Map.of("author", "Ada Lovelace", "pages", 120)));
		assertThat(reply.status()).as("product: %s", reply).isEqualTo(201);
		return (String) reply.body().get("id");
	}

	private Customer newCustomer(Service on) {
		String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);
		Reply registered = send(on, "POST", "/api/v1/customers", null, null,
				Map.of("username", username, "email", username + "@example.com", "password", PASSWORD));
		assertThat(registered.status()).as("register: %s", registered).isEqualTo(201);
		String token = login(on, username, PASSWORD);
		Reply deposit = send(on, "POST", "/api/v1/accounts/me/deposits", token, UUID.randomUUID().toString(),
				Map.of("amount", DEPOSIT.toPlainString()));
		assertThat(deposit.status()).as("deposit: %s", deposit).isEqualTo(201);
		return new Customer((String) registered.body().get("id"), username, token);
	}

	private String login(Service on, String username, String password) {
		Reply reply = send(on, "POST", "/api/v1/sessions", null, null,
				Map.of("username", username, "password", password));
		assertThat(reply.status()).as("login %s: %s", username, reply).isEqualTo(201);
		return (String) reply.body().get("token");
	}

	/** One call; status -1 when the connection failed (the service is gone). */
	@SuppressWarnings("unchecked")
	private Reply send(Service on, String method, String path, @Nullable String token, @Nullable String key,
			@Nullable Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			ContractValidation.check(response);
			Map<String, Object> json = response.body().isBlank() ? Map.of()
					: JSON.readValue(response.body(), Map.class);
			return new Reply(response.statusCode(), json,
					response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
		}
		catch (IOException ex) {
			return new Reply(-1, Map.of("error", ex.toString()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(-1, Map.of("error", ex.toString()));
		}
	}

	private static List<String> strings(Connection db, String sql, java.sql.@Nullable Array parameter)
			throws Exception {
		List<String> values = new ArrayList<>();
		try (PreparedStatement select = db.prepareStatement(sql)) {
			if (parameter != null) {
				select.setArray(1, parameter);
			}
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
	}

	/** A registered customer and the session of the first process. */
	private record Customer(String id, String username, String token) {
	}

	/**
	 * One HTTP answer: status (-1: no answer), JSON body, and whether it replays a stored
	 * first answer ({@code Idempotent-Replayed}).
	 */
	private record Reply(int status, Map<String, Object> body, boolean replayed) {

		Reply(int status, Map<String, Object> body) {
			this(status, body, false);
		}

	}

	/** One keyed write, its answer before the kill and, if it needed one, its retry. */
	private static final class Attempt {

		private final String kind;

		private final Customer customer;

		private final String method;

		private final String path;

		private final String key;

		private final Map<String, Object> body;

		private volatile Reply firstReply = new Reply(-1, Map.of("error", "not sent yet"));

		private volatile @Nullable Reply retryReply;

		Attempt(String kind, Customer customer, String method, String path, String key, Map<String, Object> body) {
			this.kind = kind;
			this.customer = customer;
			this.method = method;
			this.path = path;
			this.key = key;
			this.body = body;
		}

		String kind() {
			return this.kind;
		}

		Customer customer() {
			return this.customer;
		}

		String method() {
			return this.method;
		}

		String path() {
			return this.path;
		}

		String key() {
			return this.key;
		}

		Map<String, Object> body() {
			return this.body;
		}

		@Nullable Reply finalReply() {
			return (this.retryReply != null) ? this.retryReply : this.firstReply;
		}

		@Override
		public String toString() {
			return this.kind + " " + this.key + " " + this.body + " first " + this.firstReply + " retry "
					+ this.retryReply;
		}

	}

	/** The service as a process of its own on the test's stores. */
	private static final class Service {

		private final Process process;

		private final int port;

		private final Path log;

		private Service(Process process, int port, Path log) {
			this.process = process;
			this.port = port;
			this.log = log;
		}

		/** Starts the service and waits until it is ready (PostgreSQL reachable). */
		static Service start(Path log) throws IOException {
			int port = Ports.free();
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx512m");
			// a quicker start on a busy machine: C1 only, one GC thread
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.add("-cp");
			// failsafe's own classpath property: java.class.path may be a manifest-only
			// jar
			command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
			command.add(PolyglotApplication.class.getName());
			Map<String, Object> properties = new LinkedHashMap<>(SpringConnectionProperties.of(stores));
			properties.put("server.port", port);
			properties.put("polyglot.routing.social-graph", "postgres");
			properties.put("polyglot.admin.username", ADMIN);
			properties.put("polyglot.admin.email", ADMIN + "@polyglot.example");
			properties.put("polyglot.admin.password", ADMIN_PASSWORD);
			// the test repairs on demand; holds the kill orphaned are released after 2 s
			properties.put("polyglot.reconciliation.repair-enabled", false);
			properties.put("polyglot.reconciliation.orphan-grace", "2s");
			// a key claimed by the killed process may be taken over after 3 s (1 min)
			properties.put("polyglot.wallet.idempotency-abandon-after", "3s");
			properties.put("polyglot.sessions.max-failures-per-address", 100000);
			properties.put("spring.main.banner-mode", "off");
			properties.forEach((name, value) -> command.add("--" + name + "=" + value));
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Service service = new Service(process, port, log);
			HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			try {
				awaitTrue("the service answers on port " + port + " (log " + log + ")", () -> {
					if (!process.isAlive()) {
						throw new AssertionError("the service exited with " + process.exitValue() + ":\n" + tail(log));
					}
					try {
						return probe
							.send(HttpRequest
								.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
								.timeout(Duration.ofSeconds(5))
								.build(), HttpResponse.BodyHandlers.discarding())
							.statusCode() == 200;
					}
					catch (IOException ex) {
						return false;
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				});
			}
			catch (AssertionError ex) {
				service.kill();
				throw new AssertionError(ex.getMessage() + "\n" + tail(log), ex);
			}
			return service;
		}

		int port() {
			return this.port;
		}

		/** {@code kill -9}: the JDK destroys forcibly with SIGKILL on Unix. */
		void kill() {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static String tail(Path log) {
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
			}
			catch (IOException ex) {
				return "(no log: " + ex + ")";
			}
		}

	}

}
