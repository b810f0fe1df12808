package io.polyglot.adapter.mongodb;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;
import io.polyglot.domain.catalog.ProductQuery;
import io.polyglot.domain.shared.Money;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With MongoDB unreachable, the catalog and its stock fail as the domain's
 * store-unavailable error (503), not as a bare driver exception.
 */
class MongoUnavailableIT {

	private MongoClient client;

	private MongoCatalog catalog;

	@BeforeEach
	void connectToAClosedPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
			.build());
		this.catalog = new MongoCatalog(this.client.getDatabase("polyglot"));
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void catalogReportsMongoUnavailable() {
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> this.catalog.categories())
			.satisfies((ex) -> assertThat(ex.store()).isEqualTo("mongodb"));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.catalog.search(ProductQuery.all(), PageRequest.first()));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.catalog.add(new Product(ProductId.random(), "SKU-1", "n", "",
					new CategoryCode("book"), Money.parse("1.00", "EUR"), 1, Map.of(), 0)));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(this.catalog::ensureIndexes);
	}

	@Test
	void stockReportsMongoUnavailable() {
		MongoStock stock = new MongoStock(new MongoTemplate(this.client, "polyglot"), MongoCatalog.PRODUCTS);
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> stock.reserve(UUID.randomUUID(), UUID.randomUUID(), 1));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> stock.release(UUID.randomUUID(), UUID.randomUUID()));
	}

}
