package io.polyglot.app.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.polyglot.domain.eventlog.EventStream;
import io.polyglot.localstores.CassandraStore;
import io.polyglot.localstores.SharedTestStores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is lost: the local Cassandra process is stopped while transfers run. Transfers
 * keep succeeding, the outbox grows, health shows cassandra DOWN with the outbox lag;
 * after Cassandra is started again the relay drains the outbox and every event id of the
 * outbox is in Cassandra exactly once.
 */
@SuppressWarnings("unchecked")
class CassandraOutageIT extends EventLogTestSupport {

	private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

	@Test
	void transfersKeepSucceedingWhileCassandraIsDownAndEveryEventArrivesOnceAfterwards() throws Exception {
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Client client = newClient("outage");
			depositOk(client, "500.00");
			clients.add(client);
		}
		List<EventStream> streams = new ArrayList<>();
		for (Client client : clients) {
			streams.add(EventStream.account(UUID.fromString((String) account(client).get("id"))));
		}
		awaitTrue("deposits relayed before the outage", DRAIN_LIMIT, () -> undelivered("eventlog", streams) == 0);

		CassandraStore cassandra = SharedTestStores.get("cassandra").cassandra();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<?> transfers = writer.submit(() -> {
			int i = 0;
			while (running.get()) {
				Client from = clients.get(i % clients.size());
				Client to = clients.get((i + 1) % clients.size());
				statuses
					.add(transfer(from, UUID.randomUUID().toString(), Map.of("toCustomerId", to.id(), "amount", "1.00"))
						.returnResult(String.class)
						.getStatus()
						.value());
				i++;
			}
		});
		try {
			awaitTrue("transfers under way", DRAIN_LIMIT, () -> statuses.size() >= 5);
			cassandra.stop();
			int beforeOutage = statuses.size();
			awaitTrue("transfers during the outage", DRAIN_LIMIT, () -> statuses.size() >= beforeOutage + 20);

			awaitTrue("outbox growing for the event log", DRAIN_LIMIT, () -> undelivered("eventlog", streams) > 0);
			// components and details are for admins (production settings)
			Map<String, Object> health = get("/actuator/health", adminToken()).expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			Map<String, Object> components = (Map<String, Object>) health.get("components");
			assertThat(((Map<String, Object>) components.get("cassandra")).get("status")).isEqualTo("DOWN");
			assertThat(((Map<String, Object>) components.get("postgres")).get("status")).isEqualTo("UP");
			Map<String, Object> outbox = (Map<String, Object>) components.get("outbox");
			assertThat(outbox.get("status")).isEqualTo("UP");
			Map<String, Object> eventlog = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) outbox
				.get("details")).get("consumers")).get("eventlog");
			assertThat(((Number) eventlog.get("undelivered")).longValue()).isPositive();
			// only the event log's own endpoints fail, clearly; everything else
			// keeps serving
			Map<String, Object> problem = problem(get("/api/v1/me/activity", clients.get(0).token()), 503);
			assertThat(problem).containsEntry("store", "cassandra");
			get("/api/v1/me", clients.get(0).token()).expectStatus().isOk();
			get("/api/v1/accounts/me", clients.get(0).token()).expectStatus().isOk();
		}
		finally {
			running.set(false);
			transfers.get(2, TimeUnit.MINUTES);
			writer.shutdownNow();
			cassandra.start();
		}

		assertThat(statuses).isNotEmpty().containsOnly(201);
		awaitTrue("outbox drained into Cassandra", DRAIN_LIMIT, () -> undelivered("eventlog", streams) == 0);
		for (EventStream stream : streams) {
			List<UUID> inOutbox = idsInOutbox(stream);
			List<UUID> inCassandra = idsInEventLog(stream);
			assertThat(inCassandra).as("events of %s in Cassandra", stream)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(inOutbox);
		}
	}

}
