package io.polyglot.app.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short load run of order placement over HTTP: {@code -Dbench.clients} (default 16)
 * customers place orders of one or two lines from 5 products for {@code -Dbench.seconds}
 * (default 20), with some paid and some cancelled, then reconciliation runs. Reports
 * orders/s and the reconciliation; asserts only that it is clean. Not part of the CI
 * suite (the name does not end in IT); run with {@code ./mvnw -pl modules/app -am verify
 * -Dit.test=OrdersLoadBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OrdersLoadBenchmark extends OrderTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void placeOrdersUnderLoadAndReconcile() throws Exception {
		int clientCount = Integer.getInteger("bench.clients", 16);
		long seconds = Long.getLong("bench.seconds", 20);
		List<String> products = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			products.add(product("1.00", 1_000_000));
		}
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < clientCount; i++) {
			Client client = newClient("load");
			depositOk(client, "1000000.00");
			clients.add(client);
		}
		AtomicInteger placed = new AtomicInteger();
		AtomicInteger paid = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		AtomicInteger unexpected = new AtomicInteger();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clientCount);
		long start = System.nanoTime();
		try {
			List<Future<?>> work = new ArrayList<>();
			for (Client client : clients) {
				work.add(pool.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (System.nanoTime() < deadline) {
						List<Map<String, Object>> lines = new ArrayList<>();
						int first = random.nextInt(products.size());
						lines.add(line(products.get(first), 1 + random.nextInt(3)));
						if (random.nextBoolean()) {
							lines.add(line(products.get((first + 1) % products.size()), 1));
						}
						var result = placeOrder(client, UUID.randomUUID().toString(), Map.of("lines", lines))
							.returnResult(Map.class);
						if (result.getStatus().value() != 201) {
							unexpected.incrementAndGet();
							continue;
						}
						placed.incrementAndGet();
						String id = (String) result.getResponseBody().get("id");
						int dice = random.nextInt(10);
						if (dice < 3) {
							if (orderAction(client.token(), id, "payment").returnResult(String.class)
								.getStatus()
								.value() == 200) {
								paid.incrementAndGet();
							}
						}
						else if (dice < 5) {
							if (orderAction(client.token(), id, "cancellation").returnResult(String.class)
								.getStatus()
								.value() == 200) {
								cancelled.incrementAndGet();
							}
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(seconds + 120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Map<String, Object> reconciliation = reconciliation();
		System.out.printf(
				"orders: %d placed in %.1f s = %.1f orders/s (%d clients; %d paid, %d cancelled, %d unexpected statuses); reconciliation clean=%s over %s products, leaks %s%n",
				placed.get(), elapsed, placed.get() / elapsed, clientCount, paid.get(), cancelled.get(),
				unexpected.get(), reconciliation.get("clean"), reconciliation.get("products"),
				reconciliation.get("leaks"));
		assertThat(unexpected.get()).isZero();
		assertThat((Boolean) reconciliation.get("clean")).isTrue();
	}

}
