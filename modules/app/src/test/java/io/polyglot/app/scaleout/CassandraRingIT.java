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

	private static final Duration LIMIT = Duration.ofMinutes(4);

	/** How long the figures wait for the ring or the driver to notice a change. */
	private static final Duration NOTICE = Duration.ofSeconds(60);

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
			.run(TwoInstancesIT.arguments(properties))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			CqlSession cql = app.getBean(CqlSession.class);
			// the adapter migrates on a warm-up thread after the context starts
			awaitTrue("the event log keyspace migrated",
					() -> cql.getMetadata().getKeyspace("polyglot_ring").isPresent());
			assertThat(cql.getMetadata().getKeyspace("polyglot_ring").orElseThrow().getReplication())
				.containsEntry("datacenter1", "3");
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

				// one node (127.0.0.3) dies while transfers run, their events are relayed
				// and activity is read
				Instant killed = Instant.now();
				ring.kill(2);
				Optional<Instant> gossipDown = awaitPresent(() -> ring.gossipMarked(0, 2, "DOWN", killed));
				Optional<Instant> driverDown = awaitPresent(() -> (state(cql, "127.0.0.3") == NodeState.DOWN)
						? Optional.of(Instant.now()) : Optional.empty());
				NodeState driverState = state(cql, "127.0.0.3");
				traffic.awaitMore(60);
				Instant restarting = Instant.now();
				ring.restart(2);
				Instant restarted = Instant.now();
				Optional<Instant> gossipUp = awaitPresent(() -> ring.gossipMarked(0, 2, "UP", restarting));
				traffic.awaitMore(20);
				traffic.stop();
				List<UUID> whileDown = deliveredBetween(jdbc, streams, killed.plusSeconds(1), restarting);
				System.out.printf("ring, one node killed: %d transfers acknowledged, failed requests %s; the ring's"
						+ " gossip marked it DOWN after %s, the driver after %s (its state: %s); %d events delivered while it was down;"
						+ " restart took %.1f s, gossip marked it UP %s after the restart began%n",
						traffic.acknowledged.get(), traffic.failures, since(killed, gossipDown),
						since(killed, driverDown), driverState, whileDown.size(),
						Duration.between(restarting, restarted).toMillis() / 1e3, since(restarting, gossipUp));
				assertThat(traffic.failures).as("failed requests with one node down").isEmpty();
				assertThat(whileDown).as("events delivered while one node was down").isNotEmpty();
				awaitTrue("outbox drained", () -> undelivered(jdbc, streams) == 0);
				assertExactlyOnce(jdbc, app.getBean(EventLog.class), streams);

				// the other nodes replay the hints they kept for the dead node; when none
				// is left and the node answers for them, it is caught up
				awaitTrue("hints for 127.0.0.3 replayed", () -> ring.hintFiles(0) == 0 && ring.hintFiles(1) == 0
						&& missingOnNodeAlone("127.0.0.3", streams, whileDown) == 0);
				Duration healed = Duration.between(restarting, Instant.now());
				long lostUnsynced = missingOnNodeAlone("127.0.0.3", streams, allEvents(jdbc, streams));
				System.out.printf(
						"ring: hints replayed to 127.0.0.3, caught up %.1f s after its restart began;"
								+ " %d of these streams' events not (yet) readable on it alone at ONE%n",
						healed.toMillis() / 1e3, lostUnsynced);

				// two nodes (127.0.0.1 and .2) die: LOCAL_QUORUM cannot be met, so writes
				// of the log wait in the outbox; the survivor is the node that was
				// killed, so what it answers now comes from its own disk
				Traffic second = new Traffic(http, clients);
				second.readEvents = false;
				second.start();
				second.awaitMore(10);
				Instant twoKilled = Instant.now();
				ring.kill(0);
				ring.kill(1);
				// the survivor reads its own data at ONE only once its gossip has marked
				// both dead (before, it may pick a dead replica and time out)
				Optional<Instant> firstDown = awaitPresent(() -> ring.gossipMarked(2, 0, "DOWN", twoKilled));
				Optional<Instant> secondDown = awaitPresent(() -> ring.gossipMarked(2, 1, "DOWN", twoKilled));
				second.awaitMore(40);
				awaitTrue("events wait in the outbox", () -> undelivered(jdbc, streams) > 0);
				long waiting = undelivered(jdbc, streams);
				Reply activity = call(http, "GET", "/api/v1/me/activity", clients.get(0)[2], null, null);
				long hintedMissing = missingOnNodeAlone("127.0.0.3", streams, whileDown);
				Instant restartingTwo = Instant.now();
				ExecutorService restarter = Executors.newFixedThreadPool(2);
				try {
					Future<?> first = restarter.submit(() -> ring.restart(0));
					Future<?> other = restarter.submit(() -> ring.restart(1));
					first.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
					other.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
				}
				finally {
					restarter.shutdownNow();
				}
				Duration twoRestarted = Duration.between(restartingTwo, Instant.now());
				second.awaitMore(10);
				second.stop();
				Instant drainFrom = Instant.now();
				awaitTrue("outbox drained after both nodes returned", () -> undelivered(jdbc, streams) == 0);
				System.out
					.printf("ring, two nodes killed: transfers kept answering (%d acknowledged, failures %s), %d events"
							+ " waited in the outbox, /me/activity answered %d meanwhile, %d of the events hinted"
							+ " to 127.0.0.3 missing on it alone (its gossip marked them DOWN after %s and %s);"
							+ " both restarted in %.1f s, outbox drained %.1f s" + " later (%.1f s after the kills)%n",
							second.acknowledged.get(), second.failures, waiting, activity.status(), hintedMissing,
							since(twoKilled, firstDown), since(twoKilled, secondDown), twoRestarted.toMillis() / 1e3,
							Duration.between(drainFrom, Instant.now()).toMillis() / 1e3,
							Duration.between(twoKilled, Instant.now()).toMillis() / 1e3);
				assertThat(second.failures).as("transfers with two nodes down").isEmpty();
				assertThat(waiting).as("events waiting in the outbox with two nodes down").isPositive();
				assertThat(activity.status()).as("event reads without a quorum").isEqualTo(503);
				assertThat(hintedMissing).as("events hinted to 127.0.0.3, read from it alone").isZero();
				assertExactlyOnce(jdbc, app.getBean(EventLog.class), streams);
			}
			finally {
				traffic.stop();
			}
		}
	}

	private static String since(Instant from, Optional<Instant> at) {
		return at.map((instant) -> "%.1f s".formatted(Duration.between(from, instant).toMillis() / 1e3))
			.orElse("(not seen within " + NOTICE.toSeconds() + " s)");
	}

	/** Waits for a value, at most {@link #NOTICE}; empty if none came (never fails). */
	private static Optional<Instant> awaitPresent(java.util.function.Supplier<Optional<Instant>> probe) {
		long deadline = System.nanoTime() + NOTICE.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Instant> value = probe.get();
			if (value.isPresent()) {
				return value;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static List<UUID> deliveredBetween(JdbcTemplate jdbc, List<EventStream> streams, Instant from, Instant to) {
		return jdbc.queryForList("""
				SELECT o.event_id FROM outbox_delivery d JOIN outbox o ON o.position = d.position
				WHERE d.consumer = 'eventlog' AND d.delivered_at > ? AND d.delivered_at < ?
				AND o.stream = ANY(?::text[])""", UUID.class, java.sql.Timestamp.from(from),
				java.sql.Timestamp.from(to),
				(Object) streams.stream().map(EventStream::toString).toArray(String[]::new));
	}

	private static List<UUID> allEvents(JdbcTemplate jdbc, List<EventStream> streams) {
		return jdbc.queryForList("SELECT event_id FROM outbox WHERE stream = ANY(?::text[])", UUID.class,
				(Object) streams.stream().map(EventStream::toString).toArray(String[]::new));
	}

	/** Appends 10,000 events in deliveries of 500 through a context of its own. */
	private static double appendRate(String contactPoints, String keyspace, String replication) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EventLogOnly.class)
			.web(WebApplicationType.NONE)
			.run(TwoInstancesIT.arguments(ringProperties(contactPoints, keyspace, replication)))) {
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
			events.add(DomainEvent.of(stream, "SessionStarted", now.plusNanos(i * 1000L), new CustomerId(stream.id()),
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

	/**
	 * How many of the expected events a session talking to that node alone, at ONE, does
	 * not find in the streams (the others may answer for it while they are up: only once
	 * they are down is this the node's own data).
	 */
	private static long missingOnNodeAlone(String address, List<EventStream> streams, List<UUID> expected) {
		try (CqlSession alone = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(address, ring.nodes().get(0).port()))
			.withLocalDatacenter("datacenter1")
			.withNodeDistanceEvaluator((node, dc) -> {
				boolean mine = node.getEndPoint().resolve() instanceof InetSocketAddress socket
						&& hostOf(socket).equals(address);
				return mine ? NodeDistance.LOCAL : NodeDistance.IGNORED;
			})
			.build()) {
			java.util.Set<UUID> onNode = new java.util.HashSet<>();
			java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
			for (EventStream stream : streams) {
				// the partitions of the test's days (stream, UTC day): no scan
				for (java.time.LocalDate day : List.of(today.minusDays(1), today)) {
					alone
						.execute(SimpleStatement
							.newInstance("SELECT event_id FROM polyglot_ring.events WHERE stream = ? AND day = ?",
									stream.toString(), day)
							.setConsistencyLevel(DefaultConsistencyLevel.ONE)
							.setTimeout(Duration.ofSeconds(20)))
						.forEach((row) -> onNode.add(row.getUuid("event_id")));
				}
			}
			return expected.stream().filter((id) -> !onNode.contains(id)).count();
		}
	}

	private static String hostOf(InetSocketAddress socket) {
		return (socket.getAddress() != null) ? socket.getAddress().getHostAddress() : socket.getHostString();
	}

	private static NodeState state(CqlSession session, String address) {
		Optional<Node> node = session.getMetadata()
			.getNodes()
			.values()
			.stream()
			.filter((candidate) -> candidate.getEndPoint().resolve() instanceof InetSocketAddress socket
					&& hostOf(socket).equals(address))
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
			// each writer moves money within its own pair of clients: no two transfers
			// wait for each other's row locks (a lock wait past PostgreSQL's statement
			// timeout on a loaded machine would be a 503 that has nothing to do with
			// the ring)
			for (int i = 0; i < 2; i++) {
				List<String[]> pair = this.clients.subList(2 * i, 2 * i + 2);
				this.pool.submit(() -> transfers(pair));
			}
			if (this.readEvents) {
				this.pool.submit(this::reads);
			}
		}

		private void transfers(List<String[]> pair) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (this.running.get()) {
				boolean forth = random.nextBoolean();
				String[] from = pair.get(forth ? 0 : 1);
				String[] to = pair.get(forth ? 1 : 0);
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
