package io.polyglot.app.scaleout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polyglot.app.PolyglotApplication;
import io.polyglot.app.outbox.OutboxHousekeeping;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service (two Spring contexts on their own ports) on the same local
 * stores, as behind a load balancer: nothing an instance keeps in memory may matter. Each
 * behaviour is driven through both. The instances are started together, so their
 * administrator bootstraps race as they would in a rolling deployment. Runs with
 * {@code -Pscale-out} (see README).
 */
@EnabledIfSystemProperty(named = "polyglot.two-instances", matches = "true")
class TwoInstancesIT {

	private static final String ADMIN = "scaleout-ops";

	private static final String ADMIN_PASSWORD = "operator secret for the two instances";

	private static final String PASSWORD = "correct horse battery";

	private static final Duration LIMIT = Duration.ofSeconds(90);

	private static ConfigurableApplicationContext contextA;

	private static ConfigurableApplicationContext contextB;

	private static Api a;

	private static Api b;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		Map<String, Object> properties = new HashMap<>(SpringConnectionProperties.of(SharedTestStores.all()));
		properties.put("server.port", "0");
		properties.put("polyglot.sessions.max-failures-per-address", "100000");
		properties.put("polyglot.admin.username", ADMIN);
		properties.put("polyglot.admin.email", "scaleout-ops@polyglot.example");
		properties.put("polyglot.admin.password", ADMIN_PASSWORD);
		// the housekeeping test calls the jobs itself
		properties.put("polyglot.outbox.housekeeping-interval", "1h");
		ExecutorService starter = Executors.newFixedThreadPool(2);
		try {
			// as arguments, not builder properties: those are defaults, which
			// application.yml overrides
			Callable<ConfigurableApplicationContext> start = () -> new SpringApplicationBuilder(
					PolyglotApplication.class)
				.run(arguments(properties));
			Future<ConfigurableApplicationContext> first = starter.submit(start);
			Future<ConfigurableApplicationContext> second = starter.submit(start);
			contextA = first.get(3, TimeUnit.MINUTES);
			contextB = second.get(3, TimeUnit.MINUTES);
		}
		finally {
			starter.shutdown();
		}
		a = new Api("A", contextA);
		b = new Api("B", contextB);
	}

	@AfterAll
	static void stopBoth() {
		if (contextA != null) {
			contextA.close();
		}
		if (contextB != null) {
			contextB.close();
		}
	}

	@Test
	void bothInstancesServeOnTheirOwnPortsAndTheAdministratorExistsOnce() {
		assertThat(a.port).isNotEqualTo(b.port);
		assertThat(jdbc().queryForObject("SELECT count(*) FROM customers WHERE username = ?", Long.class, ADMIN))
			.isEqualTo(1L);
		String token = a.login(ADMIN, ADMIN_PASSWORD);
		assertThat(b.call("GET", "/api/v1/me", token, null, null).body()).containsEntry("username", ADMIN);
	}

	@Test
	void aSessionStartedOnAWorksOnBAndALogoutOnBEndsItOnA() {
		String username = unique("roam");
		b.register(username);
		String token = a.login(username);

		assertThat(b.call("GET", "/api/v1/me", token, null, null).status()).isEqualTo(200);
		assertThat(a.call("GET", "/api/v1/me", token, null, null).status()).isEqualTo(200);
		// the session list is the same whichever instance answers
		assertThat(items(b.call("GET", "/api/v1/sessions", token, null, null))).hasSize(1);

		assertThat(b.call("DELETE", "/api/v1/sessions/current", token, null, null).status()).isEqualTo(204);

		assertThat(a.call("GET", "/api/v1/me", token, null, null).status()).isEqualTo(401);
		assertThat(b.call("GET", "/api/v1/me", token, null, null).status()).isEqualTo(401);

		// and "log out everywhere" on A ends sessions opened on both
		String onA = a.login(username);
		String onB = b.login(username);
		assertThat(a.call("DELETE", "/api/v1/sessions", onA, null, null).status()).isEqualTo(204);
		assertThat(b.call("GET", "/api/v1/me", onA, null, null).status()).isEqualTo(401);
		assertThat(b.call("GET", "/api/v1/me", onB, null, null).status()).isEqualTo(401);
	}

	@Test
	void transfersThroughBothKeepTheBankInvariantAndEveryEventLandsOnceFromBothRelays() throws Exception {
		int accounts = 6;
		BigDecimal initial = new BigDecimal("500.00");
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < accounts; i++) {
			Api via = (i % 2 == 0) ? a : b;
			Client client = via.newClient(unique("bank2"));
			Reply deposit = via.call("POST", "/api/v1/accounts/me/deposits", client.token(),
					UUID.randomUUID().toString(), Map.of("amount", initial.toPlainString()));
			assertThat(deposit.status()).as("deposit %s", deposit).isEqualTo(201);
			clients.add(client);
		}
		double deliveredByABefore = delivered(contextA);
		double deliveredByBBefore = delivered(contextB);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		List<String> violations = Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			// transfers go on until both relays have delivered some of the new events:
			// a third relay (another test context in this JVM) may share the outbox, so
			// no fixed number of transfers could promise work for both
			long deadline = System.nanoTime() + LIMIT.toNanos();
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				Api via = (w % 2 == 0) ? a : b;
				writers.add(pool.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					int done = 0;
					while (System.nanoTime() < deadline && (done < 40 || delivered(contextA) <= deliveredByABefore
							|| delivered(contextB) <= deliveredByBBefore)) {
						Client from = clients.get(random.nextInt(accounts));
						Client to = clients.get(random.nextInt(accounts));
						if (from == to) {
							continue;
						}
						String amount = BigDecimal.valueOf(random.nextLong(1, 5_000), 2).toPlainString();
						Reply reply = via.call("POST", "/api/v1/transfers", from.token(), UUID.randomUUID().toString(),
								Map.of("toCustomerId", to.id(), "amount", amount));
						if (reply.status() == 201) {
							acknowledged.add((String) reply.body().get("id"));
						}
						else if (reply.status() == 503 && "postgres".equals(reply.body().get("store"))) {
							// a lock wait past the statement timeout (four writers on six
							// accounts, on a loaded machine): a clean refusal, checked
							// below to have moved nothing
							refused.incrementAndGet();
						}
						else if (reply.status() != 422) {
							violations.add(via.name + " answered " + reply);
						}
						done++;
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		System.out.printf("two instances: %d transfers acknowledged, %d refused with 503 (lock wait timeout)%n",
				acknowledged.size(), refused.get());
		assertThat(violations).isEmpty();
		assertThat(acknowledged).isNotEmpty();
		assertThat(delivered(contextA)).as("events delivered by A's relay").isGreaterThan(deliveredByABefore);
		assertThat(delivered(contextB)).as("events delivered by B's relay").isGreaterThan(deliveredByBBefore);

		// the bank invariant, on balances read through both instances
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < accounts; i++) {
			Api via = (i % 2 == 0) ? b : a;
			Map<String, Object> account = via.call("GET", "/api/v1/accounts/me", clients.get(i).token(), null, null)
				.body();
			BigDecimal balance = new BigDecimal((String) account.get("balance"));
			assertThat(balance.signum()).isNotNegative();
			total = total.add(balance);
		}
		assertThat(total).isEqualByComparingTo(initial.multiply(BigDecimal.valueOf(accounts)));
		UUID[] customerIds = clients.stream().map((c) -> UUID.fromString(c.id())).toArray(UUID[]::new);
		List<String> stored = jdbc().queryForList("""
				SELECT t.id::text FROM transfers t JOIN accounts a ON a.id = t.from_account_id
				WHERE a.customer_id = ANY(?::uuid[])""", String.class, (Object) customerIds);
		assertThat(stored).doesNotHaveDuplicates();
		assertThat(new HashSet<>(stored)).isEqualTo(acknowledged);

		// every event of these customers reaches the event log exactly once, and each was
		// marked delivered by one successful attempt: no two relays delivered the same
		List<EventStream> streams = new ArrayList<>();
		for (Client client : clients) {
			streams.add(EventStream.customer(UUID.fromString(client.id())));
			streams.add(EventStream.account(UUID.fromString(client.accountId())));
		}
		String[] streamNames = streams.stream().map(EventStream::toString).toArray(String[]::new);
		awaitTrue("the event log relay drains these streams", () -> jdbc().queryForObject("""
				SELECT count(*) FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = 'eventlog' AND d.delivered_at IS NULL AND o.stream = ANY(?::text[])""", Long.class,
				(Object) streamNames) == 0);
		EventLog eventLog = contextB.getBean(EventLog.class);
		for (EventStream stream : streams) {
			List<UUID> inOutbox = jdbc().queryForList("SELECT event_id FROM outbox WHERE stream = ?", UUID.class,
					stream.toString());
			List<UUID> inLog = idsInEventLog(eventLog, stream);
			assertThat(inLog).as("event log of %s", stream).doesNotHaveDuplicates();
			assertThat(inLog).as("event log of %s", stream).containsExactlyInAnyOrderElementsOf(inOutbox);
		}
		assertThat(jdbc().queryForList("""
				SELECT d.attempts FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = 'eventlog' AND o.stream = ANY(?::text[]) AND d.attempts <> 1""", Integer.class,
				(Object) streamNames))
			.as("delivery attempts other than one")
			.isEmpty();
	}

	@Test
	void anIdempotencyKeyIsHonouredAcrossInstances() throws Exception {
		Client payer = a.newClient(unique("idem"));
		Client payee = b.newClient(unique("idem"));
		String key = UUID.randomUUID().toString();
		Map<String, Object> deposit = Map.of("amount", "300.00");
		Reply first = a.call("POST", "/api/v1/accounts/me/deposits", payer.token(), key, deposit);
		Reply replay = b.call("POST", "/api/v1/accounts/me/deposits", payer.token(), key, deposit);
		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(
				b.call("POST", "/api/v1/accounts/me/deposits", payer.token(), key, Map.of("amount", "1.00")).status())
			.as("same key, other body")
			.isEqualTo(422);

		// the same transfer sent to both at once, ten times: one transfer each time
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Set<Object> transferIds = new HashSet<>();
		try {
			for (int round = 0; round < 10; round++) {
				String transferKey = UUID.randomUUID().toString();
				Map<String, Object> body = Map.of("toCustomerId", payee.id(), "amount", "10.00");
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Reply>> replies = new ArrayList<>();
				for (Api via : List.of(a, b)) {
					replies.add(pool.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						return via.call("POST", "/api/v1/transfers", payer.token(), transferKey, body);
					}));
				}
				Set<Object> idsThisRound = new HashSet<>();
				for (Future<Reply> future : replies) {
					Reply reply = future.get(30, TimeUnit.SECONDS);
					// the loser either waits for the first response or is told the key is
					// in flight
					assertThat(reply.status()).as("round %d: %s", round, reply).isIn(201, 409);
					if (reply.status() == 201) {
						idsThisRound.add(reply.body().get("id"));
					}
				}
				assertThat(idsThisRound).as("round %d", round).hasSize(1);
				transferIds.addAll(idsThisRound);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(transferIds).hasSize(10);
		assertThat(a.call("GET", "/api/v1/accounts/me", payer.token(), null, null).body()).containsEntry("balance",
				"200.00");
		assertThat(b.call("GET", "/api/v1/accounts/me", payee.token(), null, null).body()).containsEntry("balance",
				"100.00");
	}

	@Test
	void housekeepingOnBothInstancesAtOnceDeletesEachRowOnceAndNothingElse() throws Exception {
		JdbcTemplate jdbc = jdbc();
		// rows old enough for any retention: delivered events, one still undelivered, and
		// expired idempotency keys
		Instant old = Instant.now().minus(Duration.ofDays(30));
		List<UUID> delivered = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			delivered.add(oldOutboxEvent(jdbc, old, true));
		}
		UUID pending = oldOutboxEvent(jdbc, old, false);
		UUID customer = UUID.randomUUID();
		for (int i = 0; i < 50; i++) {
			jdbc.update("""
					INSERT INTO idempotency_keys (customer_id, key, fingerprint, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?)""", customer, "old-" + i, "0".repeat(64), java.sql.Timestamp.from(old),
					java.sql.Timestamp.from(old.plus(Duration.ofDays(1))));
		}
		try {
			OutboxHousekeeping onA = contextA.getBean(OutboxHousekeeping.class);
			OutboxHousekeeping onB = contextB.getBean(OutboxHousekeeping.class);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<?>> runs = new ArrayList<>();
				for (OutboxHousekeeping job : List.of(onA, onB)) {
					runs.add(pool.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						job.run();
						return null;
					}));
				}
				for (Future<?> run : runs) {
					run.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ANY(?::uuid[])", Long.class,
					(Object) delivered.toArray(UUID[]::new)))
				.isZero();
			assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_id = ?", Long.class, pending))
				.as("an undelivered event is never pruned")
				.isEqualTo(1L);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE customer_id = ?", Long.class,
					customer))
				.isZero();
		}
		finally {
			// the undelivered row is ours, not a real event: it must not stay to make the
			// outbox look lagging to the tests that follow
			jdbc.update("DELETE FROM outbox WHERE event_id = ?", pending);
		}
	}

	/**
	 * An outbox row that no relay will touch: delivered long ago, or (pending) not yet
	 * due for a consumer no instance runs.
	 */
	private static UUID oldOutboxEvent(JdbcTemplate jdbc, Instant at, boolean delivered) {
		UUID id = UUID.randomUUID();
		Long position = jdbc.queryForObject("""
				INSERT INTO outbox (event_id, stream, type, owner_id, occurred_at, payload)
				VALUES (?, ?, 'HousekeepingProbe', NULL, ?, '{}'::jsonb) RETURNING position""", Long.class, id,
				"customer:" + UUID.randomUUID(), java.sql.Timestamp.from(at));
		jdbc.update("""
				INSERT INTO outbox_delivery (position, consumer, attempts, next_attempt_at, delivered_at)
				VALUES (?, 'housekeeping-probe', ?, ?, ?)""", position, delivered ? 1 : 0,
				java.sql.Timestamp.from(at.plus(Duration.ofDays(3650))),
				delivered ? java.sql.Timestamp.from(at) : null);
		return id;
	}

	/** Properties as command-line arguments, which win over application.yml. */
	static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static JdbcTemplate jdbc() {
		return contextA.getBean(JdbcTemplate.class);
	}

	private static double delivered(ConfigurableApplicationContext context) {
		Counter counter = context.getBean(MeterRegistry.class)
			.find("polyglot.outbox.delivered")
			.tag("consumer", "eventlog")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static List<UUID> idsInEventLog(EventLog eventLog, EventStream stream) {
		Instant now = Instant.now();
		TimeRange range = new TimeRange(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
		List<UUID> ids = new ArrayList<>();
		Cursor cursor = null;
		do {
			Page<DomainEvent> page = eventLog.read(stream, range, new PageRequest(100, cursor));
			page.items().forEach((event) -> ids.add(event.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return ids;
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + LIMIT.toSeconds() + " s: " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + what);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Object> items(Reply reply) {
		return (List<Object>) reply.body().get("items");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** One HTTP answer: status and JSON body (empty when there is none). */
	record Reply(int status, Map<String, Object> body) {
	}

	/** A registered, logged-in customer. */
	record Client(String id, String accountId, String token) {
	}

	/** HTTP calls to one instance. */
	private static final class Api {

		private final String name;

		private final int port;

		private final RestClient http;

		Api(String name, ConfigurableApplicationContext context) {
			this.name = name;
			this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
			this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + this.port).build();
		}

		@SuppressWarnings("unchecked")
		Reply call(String method, String path, @Nullable String token, @Nullable String idempotencyKey,
				@Nullable Object body) {
			RestClient.RequestBodySpec request = this.http.method(org.springframework.http.HttpMethod.valueOf(method))
				.uri(path)
				.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
			if (token != null) {
				request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			}
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.exchange((req, response) -> {
				Map<String, Object> json = null;
				if (response.getHeaders().getContentLength() != 0 && response.getHeaders().getContentType() != null) {
					json = response.bodyTo(Map.class);
				}
				return new Reply(response.getStatusCode().value(), (json != null) ? json : Map.of());
			});
		}

		void register(String username) {
			Reply reply = call("POST", "/api/v1/customers", null, null,
					Map.of("username", username, "email", username + "@example.com", "password", PASSWORD));
			assertThat(reply.status()).as("register %s on %s: %s", username, this.name, reply).isEqualTo(201);
		}

		String login(String username) {
			return login(username, PASSWORD);
		}

		String login(String username, String password) {
			Reply reply = call("POST", "/api/v1/sessions", null, null,
					Map.of("username", username, "password", password));
			assertThat(reply.status()).as("login %s on %s: %s", username, this.name, reply).isEqualTo(201);
			return (String) reply.body().get("token");
		}

		Client newClient(String username) {
			register(username);
			String token = login(username);
			Map<String, Object> me = call("GET", "/api/v1/me", token, null, null).body();
			Map<String, Object> account = call("GET", "/api/v1/accounts/me", token, null, null).body();
			return new Client((String) me.get("id"), (String) account.get("id"), token);
		}

	}

}
