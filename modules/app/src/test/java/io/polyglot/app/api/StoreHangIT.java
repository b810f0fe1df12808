package io.polyglot.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.polyglot.app.ContractValidation;
import io.polyglot.app.WithoutLocalStores;
import io.polyglot.domain.account.Accounts;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.StoreUnavailableException;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.localstores.LocalStore;
import io.polyglot.localstores.LocalStores;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hung and killed stores, on a PostgreSQL and a Redis started for this class alone (the
 * shared test stores of the other classes are never paused): a paused store (SIGSTOP)
 * answers its endpoints 503 problem+json within the client timeouts while another concern
 * keeps serving, its bulkhead keeps the request threads for the others, a killed Redis
 * and a PostgreSQL killed under a transaction are 503s, never 500s. The service has 12
 * request threads and PostgreSQL a bulkhead of 4 here, so the bulkhead can be filled.
 */
@WithoutLocalStores
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=12", "polyglot.bulkhead.stores.postgres=4",
				"polyglot.sessions.max-failures-per-address=100000" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreHangIT {

	/**
	 * The timeouts keep a hung call near 3 s; far above that, a hang would be forever.
	 */
	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LocalStores own;

	@DynamicPropertySource
	static void ownPostgresAndRedis(DynamicPropertyRegistry registry) throws IOException {
		SpringConnectionProperties.of(SharedTestStores.get("mongodb"))
			.forEach((name, value) -> registry.add(name, () -> value));
		// the event log and the graph are not needed here: the service starts without
		// them (the relay keeps their events in the outbox)
		registry.add("spring.cassandra.contact-points", () -> "127.0.0.1:" + closedPort());
		registry.add("spring.cassandra.local-datacenter", () -> "datacenter1");
		registry.add("spring.neo4j.uri", () -> "bolt://127.0.0.1:" + closedPort());
		own = LocalStores.forTests(Files.createTempDirectory("polyglot-store-hang-"), Set.of("postgres", "redis"))
			.start();
		SpringConnectionProperties.of(own).forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopOwnStores() {
		if (own == null) {
			return;
		}
		for (LocalStore store : own.stores().values()) {
			signal(store, "CONT");
		}
		try {
			own.stop();
		}
		catch (RuntimeException ex) {
			// a store killed by a test may fail its orderly stop; its process is gone
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	BulkheadRegistry bulkheads;

	@Autowired
	Transactions transactions;

	@Autowired
	Accounts accounts;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	@Order(1)
	void pausedPostgresAnswers503WithinTheTimeoutWhileTheCatalogAndSessionsServe() throws Exception {
		String token = registerAndLogin("pgpause");
		assertThat(send("GET", "/api/v1/accounts/me", token, null).statusCode()).isEqualTo(200);
		signal(own.postgres(), "STOP");
		try {
			long started = System.nanoTime();
			assertStoreUnavailable(send("GET", "/api/v1/accounts/me", token, null), "postgres");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
			assertThat(send("GET", "/api/v1/categories", null, null).statusCode()).isEqualTo(200);
			assertThat(send("GET", "/api/v1/sessions", token, null).statusCode()).isEqualTo(200);
		}
		finally {
			signal(own.postgres(), "CONT");
		}
		awaitTrue("PostgreSQL serves again", () -> status("GET", "/api/v1/accounts/me", token) == 200);
	}

	@Test
	@Order(2)
	void aHungPostgresHoldsOnlyItsBulkheadOfRequestThreads() throws Exception {
		String token = registerAndLogin("pgbulk");
		Bulkhead postgres = this.bulkheads.bulkhead("postgres");
		AtomicInteger rejected = new AtomicInteger();
		postgres.getEventPublisher().onCallRejected((event) -> rejected.incrementAndGet());
		signal(own.postgres(), "STOP");
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		try {
			// more calls than the service has request threads
			for (int i = 0; i < 20; i++) {
				calls.add(this.client
					.sendAsync(request("GET", "/api/v1/accounts/me", token, null), HttpResponse.BodyHandlers.ofString())
					.thenApply(ContractValidation::check));
			}
			awaitTrue("bulkhead full", () -> postgres.getMetrics().getAvailableConcurrentCalls() == 0);
			// served while the PostgreSQL calls still hold their places: they did not
			// take every request thread
			assertThat(send("GET", "/api/v1/categories", null, null).statusCode()).isEqualTo(200);
			assertThat(postgres.getMetrics().getAvailableConcurrentCalls()).isZero();
			for (CompletableFuture<HttpResponse<String>> call : calls) {
				assertStoreUnavailable(call.get(BOUND.toSeconds() * 3, TimeUnit.SECONDS), "postgres");
			}
			assertThat(rejected.get()).as("calls refused by the full bulkhead").isPositive();
		}
		finally {
			signal(own.postgres(), "CONT");
		}
		awaitTrue("PostgreSQL serves again", () -> status("GET", "/api/v1/accounts/me", token) == 200);
	}

	@Test
	@Order(3)
	void pausedRedisAnswers503WithinTheTimeoutWhileTheCatalogServes() throws Exception {
		String username = registerOnly("redispause");
		signal(own.redis(), "STOP");
		try {
			long started = System.nanoTime();
			assertStoreUnavailable(login(username), "redis");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
			assertThat(send("GET", "/api/v1/categories", null, null).statusCode()).isEqualTo(200);
		}
		finally {
			signal(own.redis(), "CONT");
		}
		awaitTrue("Redis serves again", () -> loginStatus(username) == 201);
	}

	@Test
	@Order(4)
	void killedRedisIs503NotA500() throws Exception {
		String username = registerOnly("rediskill");
		String token = token(login(username));
		signal(own.redis(), "KILL");
		try {
			assertStoreUnavailable(send("GET", "/api/v1/sessions", token, null), "redis");
			assertStoreUnavailable(login(username), "redis");
		}
		finally {
			own.redis().stop();
			own.redis().start();
		}
		awaitTrue("Redis serves again", () -> loginStatus(username) == 201);
	}

	/** Last: the class's PostgreSQL does not come back (its data was throw-away). */
	@Test
	@Order(5)
	void postgresKilledUnderATransactionIs503NotA500() throws Exception {
		String token = registerAndLogin("pgkill");
		String me = (String) JSON.readValue(send("GET", "/api/v1/me", token, null).body(), Map.class).get("id");
		CustomerId customer = new CustomerId(UUID.fromString(me));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.transactions.inTransaction(() -> {
				this.accounts.lockOfCustomers(List.of(customer));
				signal(own.postgres(), "KILL");
				return this.accounts.lockOfCustomers(List.of(customer));
			}))
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("postgres"));
		assertStoreUnavailable(send("GET", "/api/v1/accounts/me", token, null), "postgres");
		assertStoreUnavailable(send("POST", "/api/v1/accounts/me/deposits", token, "{\"amount\":\"1.00\"}"),
				"postgres");
	}

	private String registerAndLogin(String prefix) throws Exception {
		return token(login(registerOnly(prefix)));
	}

	private String registerOnly(String prefix) throws Exception {
		String username = ApiTestSupport.unique(prefix);
		String body = JSON.writeValueAsString(Map.of("username", username, "email", ApiTestSupport.emailOf(username),
				"password", ApiTestSupport.PASSWORD));
		assertThat(send("POST", "/api/v1/customers", null, body).statusCode()).isEqualTo(201);
		return username;
	}

	private HttpResponse<String> login(String username) throws Exception {
		return send("POST", "/api/v1/sessions", null,
				JSON.writeValueAsString(Map.of("username", username, "password", ApiTestSupport.PASSWORD)));
	}

	private int loginStatus(String username) {
		try {
			return login(username).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static String token(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return (String) JSON.readValue(response.body(), Map.class).get("token");
	}

	private int status(String method, String path, String token) {
		try {
			return send(method, path, token, null).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		return ContractValidation
			.check(this.client.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString()));
	}

	private HttpRequest request(String method, String path, String token, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(BOUND.multipliedBy(3))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			builder.header("Content-Type", "application/json");
			builder.header("Idempotency-Key", UUID.randomUUID().toString());
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder.build();
	}

	private static void assertStoreUnavailable(HttpResponse<String> response, String store) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		@SuppressWarnings("unchecked")
		Map<String, Object> problem = JSON.readValue(response.body(), Map.class);
		assertThat(problem).containsEntry("status", 503)
			.containsEntry("store", store)
			.containsKeys("type", "title", "detail");
	}

	private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends the signal to the store's process and all its children (PostgreSQL serves
	 * each connection from a child of the postmaster).
	 */
	private static void signal(LocalStore store, String signal) {
		store.pid().ifPresent((pid) -> {
			List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
			ProcessHandle.of(pid)
				.ifPresent(
						(process) -> process.descendants().forEach((child) -> command.add(Long.toString(child.pid()))));
			try {
				new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

}
