package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.order.Stock;
import io.polyglot.localstores.SharedTestStores;
import io.polyglot.localstores.SpringConnectionProperties;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-order stock holds against the real MongoDB wire server through the real driver:
 * reservations never oversell under concurrency, and every reserve, release and sale
 * happens at most once per order however often it is repeated.
 */
@SpringBootTest(classes = MongoStockIT.Config.class)
class MongoStockIT {

	@DynamicPropertySource
	static void mongodb(DynamicPropertyRegistry registry) {
		SpringConnectionProperties.of(SharedTestStores.get("mongodb"))
			.forEach((name, value) -> registry.add(name, () -> value));
	}

	@Autowired
	Stock stock;

	@Autowired
	MongoTemplate mongo;

	@Test
	void fiftyConcurrentReservationsOfTenUnitsLetExactlyTenThrough() throws Exception {
		UUID product = product(10);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Callable<Boolean> reserve = () -> {
					start.await(10, TimeUnit.SECONDS);
					return this.stock.reserve(product, UUID.randomUUID(), 1);
				};
				results.add(pool.submit(reserve));
			}
			start.countDown();
			int reserved = 0;
			for (Future<Boolean> result : results) {
				reserved += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}

			assertThat(reserved).isEqualTo(10);
			Stock.Level level = level(product);
			assertThat(level.inStock()).isZero();
			assertThat(level.held()).isEqualTo(10);
			assertThat(level.holds()).hasSize(10);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRepeatedReservationForTheSameOrderHoldsOnce() {
		UUID product = product(5);
		UUID order = UUID.randomUUID();

		assertThat(this.stock.reserve(product, order, 2)).isTrue();
		assertThat(this.stock.reserve(product, order, 2)).isTrue();

		assertThat(level(product).inStock()).isEqualTo(3);
		assertThat(level(product).holds()).containsExactly(java.util.Map.entry(order, 2));
	}

	@Test
	void aReservationShortOfStockChangesNothing() {
		UUID product = product(1);

		assertThat(this.stock.reserve(product, UUID.randomUUID(), 2)).isFalse();
		assertThat(this.stock.reserve(UUID.randomUUID(), UUID.randomUUID(), 1)).isFalse();

		assertThat(level(product).inStock()).isEqualTo(1);
		assertThat(level(product).holds()).isEmpty();
	}

	@Test
	void releaseAndSaleHappenOncePerOrder() {
		UUID product = product(10);
		UUID cancelled = UUID.randomUUID();
		UUID shipped = UUID.randomUUID();
		this.stock.reserve(product, cancelled, 3);
		this.stock.reserve(product, shipped, 4);

		this.stock.release(product, cancelled);
		this.stock.release(product, cancelled);
		this.stock.sell(product, shipped);
		this.stock.sell(product, shipped);
		this.stock.release(product, shipped);

		Stock.Level level = level(product);
		assertThat(level.inStock()).isEqualTo(6);
		assertThat(level.sold()).isEqualTo(4);
		assertThat(level.holds()).isEmpty();
		assertThat(level.received()).isEqualTo(level.inStock() + level.held() + level.sold());
	}

	@Test
	void concurrentReleasesOfOneHoldRestockItOnce() throws Exception {
		UUID product = product(10);
		UUID order = UUID.randomUUID();
		this.stock.reserve(product, order, 5);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> releases = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				releases.add(pool.submit(() -> this.stock.release(product, order)));
			}
			for (Future<?> release : releases) {
				release.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(level(product).inStock()).isEqualTo(10);
	}

	@Test
	void anOrderableProductCarriesNameAndExactPrice() {
		UUID product = product(1);

		assertThat(this.stock.orderable(product)).hasValueSatisfying((orderable) -> {
			assertThat(orderable.name()).isEqualTo("Stock test " + product);
			assertThat(orderable.price().toPlainString()).isEqualTo("19.99");
		});
		assertThat(this.stock.orderable(UUID.randomUUID())).isEmpty();
	}

	private UUID product(int stock) {
		UUID id = UUID.randomUUID();
		this.mongo.getCollection(MongoCatalog.PRODUCTS)
			.insertOne(new Document("_id", id.toString()).append("name", "Stock test " + id)
				.append("sku", "STOCK-" + id)
				.append("priceCents", 1999L)
				.append("currency", "EUR")
				.append("stock", stock)
				.append("received", stock)
				.append("sold", 0));
		return id;
	}

	private Stock.Level level(UUID product) {
		return this.stock.levels().stream().filter((l) -> l.productId().equals(product)).findFirst().orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Config {

	}

}
