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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.polyglot.app.ContractValidation;
import io.polyglot.app.WithoutLocalStores;
import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.PostgresStore;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store fault suite of issue #14: the service on the local run's stores (durable,
 * supervised) on free ports, a bounded mixed load over HTTP (logins, {@code /me},
 * transfers, catalog, activity, friends), and for each store a {@code kill -9} or a
 * {@code SIGSTOP} of its process in the middle of it. Every response must be 2xx or a 503
 * problem+json within the client's timeout, the store must come back by itself, the
 * concern it serves must answer again without restarting the service, every acknowledged
 * transfer must be in PostgreSQL and the money total must be unchanged.
 *
 * <p>
 * Off by default: it needs the store timeouts and the exception-to-503 mapping of issue
 * #14's other half. Run it with {@code -Pstore-faults} (modules/app), which sets
 * {@code polyglot.store-faults=true}.
 */
@WithoutLocalStores
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "polyglot.store-faults", matches = "true")
class StoreFaultsIT {

	/** A response slower than this counts as a violation: the issue asks for ~3 s. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** Generous bound for a store to come back and its concern to answer again. */
	private static final Duration RECOVERY_BOUND = Duration.ofMinutes(3);

	private static final Duration PAUSE = Duration.ofSeconds(6);

	private static final int CUSTOMERS = 4;

	private static final BigDecimal DEPOSIT = new BigDecimal("1000.00");

	/** Which request shows that the concern a store serves works again. */
	private static final Map<String, String> PROBE = Map.of("postgres", "transfer", "mongodb", "categories", "redis",
			"me", "cassandra", "activity", "neo4j", "friends");

	private static final List<String> OPERATIONS = List.of("login", "me", "transfer", "categories", "activity",
			"friends");

	private static Path root;

	private static LocalStores stores;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final List<Customer> customers = new ArrayList<>();

	private final Set<String> acknowledgedTransfers = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@DynamicPropertySource
	static void runStores(DynamicPropertyRegistry registry) throws IOException {
		root = Files.createTempDirectory("polyglot-store-faults-");
		stores = LocalStores.forRunOnFreePorts(root, Set.copyOf(LocalStores.ALL)).start();
		SpringConnectionProperties.of(stores).forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeAll
	void customersWithMoney() {
		for (int i = 0; i < CUSTOMERS; i++) {
			String username = ApiTestSupport.unique("faults");
			Response created = send("POST", "/api/v1/customers", null, Map.of("username", username, "email",
					ApiTestSupport.emailOf(username), "password", ApiTestSupport.PASSWORD));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String id = field(created.body(), "id");
			Response session = send("POST", "/api/v1/sessions", null,
					Map.of("username", username, "password", ApiTestSupport.PASSWORD));
			assertThat(session.status()).as(session.body()).isEqualTo(201);
			Customer customer = new Customer(id, username, field(session.body(), "token"));
			Response deposit = send("POST", "/api/v1/accounts/me/deposits", customer,
					Map.of("amount", DEPOSIT.toPlainString()));
			assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
			this.customers.add(customer);
		}
	}

	@AfterAll
	static void stopStores() throws IOException {
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
		List<Response> responses = underLoad(() -> {
			signal("KILL", target.pid().orElseThrow());
			awaitUntil(() -> stores.restarts(store) > restartsBefore && target.isRunning(), store + " restarted");
		}, store);
		assertEveryResponseIs2xxOrProblem503(responses);
		assertMoneyIsIntact();
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "mongodb", "redis", "cassandra", "neo4j" })
	void pausedStoreUnderLoadIsABounded503AndServesAfterResume(String store) throws Exception {
		LocalStore target = stores.stores().get(store);
		List<Response> responses = underLoad(() -> {
			long pid = target.pid().orElseThrow();
			signal("STOP", pid);
			try {
				Thread.sleep(PAUSE.toMillis());
			}
			finally {
				signal("CONT", pid);
			}
		}, store);
		assertEveryResponseIs2xxOrProblem503(responses);
		assertMoneyIsIntact();
	}

	/**
	 * Two clients send random requests; after a second the fault is applied, then the
	 * load goes on until the probe of the store's concern has succeeded three times in a
	 * row after it.
	 */
	private List<Response> underLoad(Fault fault, String store) throws Exception {
		ConcurrentLinkedQueue<Response> responses = new ConcurrentLinkedQueue<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService load = Executors.newFixedThreadPool(2);
		List<Future<?>> clients = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			clients.add(load.submit(() -> {
				while (running.get()) {
					responses.add(randomRequest());
				}
				return null;
			}));
		}
		try {
			Thread.sleep(1000);
			fault.apply();
			String probe = PROBE.get(store);
			int succeeded = 0;
			long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
			while (succeeded < 3) {
				assertThat(System.nanoTime()).as(store + " concern (" + probe + ") answers again").isLessThan(deadline);
				Response answer = request(probe, customer());
				responses.add(answer);
				succeeded = (answer.status() / 100 == 2) ? succeeded + 1 : 0;
				Thread.sleep(100);
			}
		}
		finally {
			running.set(false);
			for (Future<?> client : clients) {
				client.get();
			}
			load.shutdown();
		}
		return List.copyOf(responses);
	}

	private Response randomRequest() {
		String operation = OPERATIONS.get(ThreadLocalRandom.current().nextInt(OPERATIONS.size()));
		return request(operation, customer());
	}

	private Customer customer() {
		return this.customers.get(ThreadLocalRandom.current().nextInt(this.customers.size()));
	}

	private Response request(String operation, Customer who) {
		return switch (operation) {
			case "login" -> send("POST", "/api/v1/sessions", null,
					Map.of("username", who.username(), "password", ApiTestSupport.PASSWORD));
			case "me" -> send("GET", "/api/v1/me", who, null);
			case "transfer" -> {
				Customer to = customer();
				while (to == who) {
					to = customer();
				}
				Response response = send("POST", "/api/v1/transfers", who,
						Map.of("toCustomerId", to.id(), "amount", "0.01"));
				if (response.status() == 201) {
					this.acknowledgedTransfers.add(field(response.body(), "id"));
				}
				yield response;
			}
			case "categories" -> send("GET", "/api/v1/categories", null, null);
			case "activity" -> send("GET", "/api/v1/me/activity?limit=5", who, null);
			case "friends" -> send("GET", "/api/v1/friends", who, null);
			default -> throw new IllegalArgumentException(operation);
		};
	}

	private Response send(String method, String path, Customer who, Map<String, String> body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(REQUEST_TIMEOUT);
		if (who != null) {
			builder.header("Authorization", "Bearer " + who.token());
		}
		if (body != null) {
			builder.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String contract = null;
			try {
				ContractValidation.check(response);
			}
			catch (AssertionError ex) {
				// kept with the response: the load threads go on, the test reports it
				contract = ex.getMessage();
			}
			return new Response(method + " " + path, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(), contract);
		}
		catch (IOException ex) {
			// a timeout or a dropped connection: never an acceptable answer
			return new Response(method + " " + path, -1, "", ex.toString(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(method + " " + path, -1, "", ex.toString(), null);
		}
	}

	private static void assertEveryResponseIs2xxOrProblem503(List<Response> responses) {
		assertThat(responses).isNotEmpty();
		List<Response> violations = responses.stream()
			.filter((r) -> !(r.status() / 100 == 2
					|| (r.status() == 503 && r.contentType().startsWith("application/problem+json"))))
			.toList();
		assertThat(violations).as("responses that are neither 2xx nor 503 problem+json in time").isEmpty();
		assertThat(responses.stream().filter((r) -> r.contract() != null).toList())
			.as("responses that contradict docs/openapi.json")
			.isEmpty();
	}

	/** Every acknowledged transfer is in PostgreSQL and no money appeared or vanished. */
	private void assertMoneyIsIntact() throws Exception {
		PostgresStore postgres = stores.postgres();
		try (Connection connection = awaitConnection(postgres)) {
			if (!this.acknowledgedTransfers.isEmpty()) {
				try (PreparedStatement select = connection
					.prepareStatement("SELECT count(*) FROM transfers WHERE id = ANY (?)")) {
					Array ids = connection.createArrayOf("uuid",
							this.acknowledgedTransfers.stream().map(UUID::fromString).toArray());
					select.setArray(1, ids);
					try (ResultSet rs = select.executeQuery()) {
						rs.next();
						assertThat(rs.getInt(1)).as("acknowledged transfers in PostgreSQL")
							.isEqualTo(this.acknowledgedTransfers.size());
					}
				}
			}
			try (PreparedStatement sum = connection
				.prepareStatement("SELECT sum(balance) FROM accounts WHERE customer_id = ANY (?)")) {
				sum.setArray(1, connection.createArrayOf("uuid",
						this.customers.stream().map((c) -> UUID.fromString(c.id())).toArray()));
				try (ResultSet rs = sum.executeQuery()) {
					rs.next();
					assertThat(rs.getBigDecimal(1))
						.isEqualByComparingTo(DEPOSIT.multiply(BigDecimal.valueOf(CUSTOMERS)));
				}
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

	private static void signal(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).inheritIO().start();
			assertThat(kill.waitFor()).as("kill -s " + signal + " " + pid).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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

	@FunctionalInterface
	private interface Fault {

		void apply() throws Exception;

	}

	private record Customer(String id, String username, String token) {
	}

	/** One answer; {@code contract} says how it contradicts the document, if it does. */
	private record Response(String request, int status, String contentType, String body, String contract) {
	}

}
