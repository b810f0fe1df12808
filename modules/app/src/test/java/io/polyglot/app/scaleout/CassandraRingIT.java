package io.polyglot.app.scaleout;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import io.polyglot.app.PolyglotApplication;
import io.polyglot.domain.eventlog.DomainEvent;
import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.domain.eventlog.TimeRange;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.localstores.CassandraRing;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log on a 3-node Cassandra ring on 127.0.0.1-3 (RF 3, LOCAL_QUORUM reads and
 * writes) under the real service: one node is killed with SIGKILL while transfers run and
 * the relay delivers, then restarted; later two nodes die at once. Also measures the
 * event log's write throughput on the single test node and on the ring in the same run
 * (printed, never asserted). Needs ~4 GB and minutes of a 2-core machine, so it runs only
 * with {@code -Pscale-out} (see README).
 */
@EnabledIfSystemProperty(named = "polyglot.ring", matches = "true")
class CassandraRingIT {

	private static final String PASSWORD = "correct horse battery";

	private static final Duration LIMIT = Duration.ofMinutes(3);

	private static CassandraRing ring;

	private static Path root;

	@BeforeAll
	static void startRing() throws Exception {
		SharedTestStores.all();
		root = Files.createTempDirectory("polyglot-ring-");
		long started = System.nanoTime();
		ring = CassandraRing.start(root, 3, Duration.ofMinutes(3));
		System.out.printf("ring: 3 nodes accept CQL after %.1f s (%s)%n", (System.nanoTime() - started) / 1e9,
				ring.contactPoints());
	}

	@AfterAll
	static void stopRing() {
		if (ring != null) {
			ring.close();
		}
	}

	@Test
	void eventLogWriteThroughputOnOneNodeAndOnTheRing() {
		String single = SharedTestStores.get("cassandra").cassandra().host() + ":"
				+ SharedTestStores.get("cassandra").cassandra().port();
		double one = appendRate(single, "polyglot_tp1", "SimpleStrategy:1");
		double three = appendRate(ring.contactPoints(), "polyglot_tp3", "NetworkTopologyStrategy:datacenter1=3");
		System.out.printf("event log writes, LOCAL_QUORUM: 1 node %.0f events/s, 3-node ring RF 3 %.0f events/s%n", one,
				three);
		assertThat(one).isPositive();
		assertThat(three).isPositive();
	}

	@Test
	void oneNodeKilledWhileTheRelayDeliversFailsNoRequestAndLosesNoEventTwoNodesDownOnlyDelay() throws Exception {
		Map<String, Object> properties = new HashMap<>(SpringConnectionProperties.of(SharedTestStores.all()));
		properties
			.putAll(ringProperties(ring.contactPoints(), "polyglot_ring", "NetworkTopologyStrategy:datacenter1=3"));
		properties.put("server.port", "0");
		properties.put("polyglot.sessions.max-failures-per-address", "100000");
		properties.put("polyglot.outbox.max-backoff", "2s");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PolyglotApplication.class)
			.properties(properties)
			.run()) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			CqlSession cql = app.getBean(CqlSession.class);
			List<String[]> clients = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				clients.add(newClient(http, "ring-" + UUID.randomUUID().toString().substring(0, 8)));
			}
			for (String[] client : clients) {
				assertThat(call(http, "POST", "/api/v1/accounts/me/deposits", client[2], UUID.randomUUID().toString(),
						Map.of("amount", "1000.00"))
					.status()).isEqualTo(201);
			}
			List<EventStream> streams = new ArrayList<>();
			for (String[] client : clients) {
				streams.add(EventStream.customer(UUID.fromString(client[0])));
				streams.add(EventStream.account(UUID.fromString(client[1])));
			}
			awaitTrue("first events delivered", () -> undelivered(jdbc, streams) == 0);

			Traffic traffic = new Traffic(http, clients);
			traffic.start();
			try {
				traffic.awaitMore(20);

				// one node dies
				Instant killed = Instant.now();
				ring.kill(2);
				awaitTrue("driver marks 127.0.0.3 down", () -> state(cql, "127.0.0.3") == NodeState.DOWN);
				Duration noticed = Duration.between(killed, Instant.now());
				traffic.awaitMore(60);
				long deliveredWhileDown = delivered(jdbc, streams);
				Instant restarting = Instant.now();
				ring.restart(2);
				Duration restarted = Duration.between(restarting, Instant.now());
				awaitTrue("driver marks 127.0.0.3 up", () -> state(cql, "127.0.0.3") == NodeState.UP);
				Duration rejoined = Duration.between(restarting, Instant.now());
				traffic.awaitMore(20);
				traffic.stop();
				System.out.printf(
						"ring, one node killed: driver noticed in %.1f s; %d of these streams' events delivered meanwhile;"
								+ " restart took %.1f s, back in the driver's view after %.1f s; failed requests %s%n",
						noticed.toMillis() / 1e3, deliveredWhileDown, restarted.toMillis() / 1e3,
						rejoined.toMillis() / 1e3, traffic.failures);
				assertThat(traffic.failures).as("failed requests with one node down").isEmpty();
				awaitTrue("outbox drained", () -> undelivered(jdbc, streams) == 0);
				assertExactlyOnce(jdbc, app.getBean(EventLog.class), streams);

				// the hints written for the dead node reach it: it alone holds
				// every event
				Instant healing = Instant.now();
				awaitTrue("127.0.0.3 alone holds every event (hints replayed)",
						() -> missingOnNodeAlone(jdbc, "127.0.0.3", streams) == 0);
				System.out.printf("ring: hints caught 127.0.0.3 up %.1f s after the outbox drained%n",
						Duration.between(healing, Instant.now()).toMillis() / 1e3);

				// two nodes die: LOCAL_QUORUM cannot be met, writes wait in the outbox
				Traffic second = new Traffic(http, clients);
				second.readEvents = false;
				second.start();
				second.awaitMore(10);
				ring.kill(1);
				ring.kill(2);
				awaitTrue("driver marks two nodes down",
						() -> state(cql, "127.0.0.2") == NodeState.DOWN && state(cql, "127.0.0.3") == NodeState.DOWN);
				second.awaitMore(40);
				awaitTrue("events wait in the outbox", () -> undelivered(jdbc, streams) > 0);
				long waiting = undelivered(jdbc, streams);
				Reply activity = call(http, "GET", "/api/v1/me/activity", clients.get(0)[2], null, null);
				ring.restart(1);
				ring.restart(2);
				second.awaitMore(10);
				second.stop();
				System.out.printf(
						"ring, two nodes killed: transfers kept answering (failures %s), %d events waited in the outbox,"
								+ " /me/activity answered %d meanwhile%n",
						second.failures, waiting, activity.status());
				assertThat(second.failures).as("transfers with two nodes down").isEmpty();
				assertThat(activity.status()).as("event reads without a quorum").isEqualTo(503);
				awaitTrue("outbox drained after both nodes returned", () -> undelivered(jdbc, streams) == 0);
				assertExactlyOnce(jdbc, app.getBean(EventLog.class), streams);
			}
			finally {
				traffic.stop();
			}
		}
	}

	/** Appends 10,000 events in deliveries of 500 through a context of its own. */
	private static double appendRate(String contactPoints, String keyspace, String replication) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EventLogOnly.class)
			.web(WebApplicationType.NONE)
			.properties(ringProperties(contactPoints, keyspace, replication))
			.run()) {
			EventLog log = context.getBean(EventLog.class);
			List<EventStream> streams = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				streams.add(EventStream.customer(UUID.randomUUID()));
			}
			log.append(batch(streams, 500)); // warm-up: schema, prepared statements
			int batches = 20;
			long started = System.nanoTime();
			for (int i = 0; i < batches; i++) {
				log.append(batch(streams, 500));
			}
			return batches * 500 / ((System.nanoTime() - started) / 1e9);
		}
	}

	private static List<DomainEvent> batch(List<EventStream> streams, int size) {
		List<DomainEvent> events = new ArrayList<>();
		Instant now = Instant.now();
		for (int i = 0; i < size; i++) {
			EventStream stream = streams.get(i % streams.size());
			events.add(DomainEvent.of(stream, "ThroughputProbe", now.plusNanos(i * 1000L), new CustomerId(stream.id()),
					Map.of("n", Integer.toString(i))));
		}
		return events;
	}

	private static Map<String, Object> ringProperties(String contactPoints, String keyspace, String replication) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.cassandra.contact-points", contactPoints);
		properties.put("spring.cassandra.local-datacenter", "datacenter1");
		properties.put("polyglot.cassandra.keyspace", keyspace);
		properties.put("polyglot.cassandra.replication", replication);
		properties.put("polyglot.cassandra.read-consistency", "LOCAL_QUORUM");
		properties.put("polyglot.cassandra.write-consistency", "LOCAL_QUORUM");
		properties.put("polyglot.cassandra.reconnect-max-delay", "2s");
		return properties;
	}

	private static void assertExactlyOnce(JdbcTemplate jdbc, EventLog log, List<EventStream> streams) {
		for (EventStream stream : streams) {
			List<UUID> inOutbox = jdbc.queryForList("SELECT event_id FROM outbox WHERE stream = ?", UUID.class,
					stream.toString());
			List<UUID> inLog = idsInEventLog(log, stream);
			assertThat(inLog).as("event log of %s", stream).doesNotHaveDuplicates();
			assertThat(inLog).as("event log of %s", stream).containsExactlyInAnyOrderElementsOf(inOutbox);
		}
	}

	/** Events of the streams that a session talking to that node alone, at ONE, lacks. */
	private static long missingOnNodeAlone(JdbcTemplate jdbc, String address, List<EventStream> streams) {
		try (CqlSession alone = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(address, ring.nodes().get(0).port()))
			.withLocalDatacenter("datacenter1")
			.withNodeDistanceEvaluator((node, dc) -> {
				boolean mine = node.getEndPoint().resolve() instanceof InetSocketAddress socket
						&& socket.getAddress().getHostAddress().equals(address);
				return mine ? NodeDistance.LOCAL : NodeDistance.IGNORED;
			})
			.build()) {
			long missing = 0;
			for (EventStream stream : streams) {
				List<UUID> inOutbox = jdbc.queryForList("SELECT event_id FROM outbox WHERE stream = ?", UUID.class,
						stream.toString());
				List<UUID> onNode = new ArrayList<>();
				alone
					.execute(SimpleStatement
						.newInstance("SELECT event_id FROM polyglot_ring.events WHERE stream = ? ALLOW FILTERING",
								stream.toString())
						.setConsistencyLevel(DefaultConsistencyLevel.ONE))
					.forEach((row) -> onNode.add(row.getUuid("event_id")));
				missing += inOutbox.stream().filter((id) -> !onNode.contains(id)).count();
			}
			return missing;
		}
	}

	private static NodeState state(CqlSession session, String address) {
		Optional<Node> node = session.getMetadata()
			.getNodes()
			.values()
			.stream()
			.filter((candidate) -> candidate.getEndPoint().resolve() instanceof InetSocketAddress socket
					&& socket.getAddress().getHostAddress().equals(address))
			.findFirst();
		return node.map(Node::getState).orElse(NodeState.UNKNOWN);
	}

	private static long undelivered(JdbcTemplate jdbc, List<EventStream> streams) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = 'eventlog' AND d.delivered_at IS NULL AND o.stream = ANY(?::text[])""", Long.class,
				(Object) streams.stream().map(EventStream::toString).toArray(String[]::new));
	}

	private static long delivered(JdbcTemplate jdbc, List<EventStream> streams) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = 'eventlog' AND d.delivered_at IS NOT NULL AND o.stream = ANY(?::text[])""",
				Long.class, (Object) streams.stream().map(EventStream::toString).toArray(String[]::new));
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

	/** Registers and logs in: {id, accountId, token}. */
	private static String[] newClient(RestClient http, String username) {
		assertThat(call(http, "POST", "/api/v1/customers", null, null,
				Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
			.status()).isEqualTo(201);
		String token = (String) call(http, "POST", "/api/v1/sessions", null, null,
				Map.of("username", username, "password", PASSWORD))
			.body()
			.get("token");
		String id = (String) call(http, "GET", "/api/v1/me", token, null, null).body().get("id");
		String account = (String) call(http, "GET", "/api/v1/accounts/me", token, null, null).body().get("id");
		return new String[] { id, account, token };
	}

	@SuppressWarnings("unchecked")
	private static Reply call(RestClient http, String method, String path, String token, String key, Object body) {
		RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(path)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
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

	record Reply(int status, Map<String, Object> body) {
	}

	/**
	 * Transfers between the clients and reads of their activity, until stopped; counts
	 * acknowledged transfers and keeps every unexpected answer.
	 */
	private static final class Traffic {

		private final RestClient http;

		private final List<String[]> clients;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger acknowledged = new AtomicInteger();

		final List<String> failures = Collections.synchronizedList(new ArrayList<>());

		boolean readEvents = true;

		private ExecutorService pool;

		Traffic(RestClient http, List<String[]> clients) {
			this.http = http;
			this.clients = clients;
		}

		void start() {
			this.pool = Executors.newFixedThreadPool(3);
			for (int i = 0; i < 2; i++) {
				this.pool.submit(this::transfers);
			}
			if (this.readEvents) {
				this.pool.submit(this::reads);
			}
		}

		private void transfers() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (this.running.get()) {
				String[] from = this.clients.get(random.nextInt(this.clients.size()));
				String[] to = this.clients.get(random.nextInt(this.clients.size()));
				if (from == to) {
					continue;
				}
				try {
					Reply reply = call(this.http, "POST", "/api/v1/transfers", from[2], UUID.randomUUID().toString(),
							Map.of("toCustomerId", to[0], "amount",
									BigDecimal.valueOf(random.nextLong(1, 500), 2).toPlainString()));
					if (reply.status() == 201) {
						this.acknowledged.incrementAndGet();
					}
					else if (reply.status() != 422) {
						this.failures.add("transfer " + reply);
					}
				}
				catch (RuntimeException ex) {
					this.failures.add("transfer " + ex);
				}
			}
		}

		private void reads() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (this.running.get()) {
				String[] client = this.clients.get(random.nextInt(this.clients.size()));
				try {
					Reply reply = call(this.http, "GET", "/api/v1/me/activity", client[2], null, null);
					if (reply.status() != 200) {
						this.failures.add("activity " + reply);
					}
				}
				catch (RuntimeException ex) {
					this.failures.add("activity " + ex);
				}
			}
		}

		/** Waits until this many more transfers were acknowledged. */
		void awaitMore(int more) {
			int target = this.acknowledged.get() + more;
			awaitTrue(more + " more transfers", () -> this.acknowledged.get() >= target || !this.failures.isEmpty());
		}

		void stop() {
			this.running.set(false);
			if (this.pool != null) {
				this.pool.shutdown();
				try {
					this.pool.awaitTermination(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	/**
	 * The event log alone: Boot's Cassandra session and the adapter, nothing else (the
	 * adapter's configuration is package-private, so it is named, not referenced).
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration
	static class EventLogOnly {

	}

}
