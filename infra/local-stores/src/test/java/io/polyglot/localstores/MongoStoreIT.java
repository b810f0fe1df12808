package io.polyglot.localstores;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.polyglot.localstores.support.Kill;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MongoDB wire server in its own process: driver round trip, unique index, H2 data
 * across a clean restart and across {@code kill -9}.
 */
class MongoStoreIT {

	@TempDir
	Path data;

	@Test
	void roundTripThroughTheOfficialDriverSurvivesRestart() {
		StoreOptions options = new StoreOptions(this.data, Ports.free(), Duration.ofSeconds(30), true);
		MongoStore store = new MongoStore(options);
		store.start();
		assertThat(store.implementation()).startsWith("mongo-java-server 1.47").contains("H2");
		try (MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> products = client.getDatabase("polyglot").getCollection("products");
			products.createIndex(Indexes.ascending("sku"), new IndexOptions().unique(true));
			products.insertOne(new Document("sku", "BOOK-1").append("attributes", new Document("author", "Le Guin")));
			assertThatThrownBy(() -> products.insertOne(new Document("sku", "BOOK-1")))
				.hasMessageContaining("duplicate key");
			assertThat(products.find(Filters.eq("attributes.author", "Le Guin")).first()).isNotNull();
		}
		store.stop();
		assertThat(Ports.isListening(store.host(), store.port())).isFalse();

		MongoStore restarted = new MongoStore(options);
		restarted.start();
		try (MongoClient client = MongoClients.create(restarted.connectionString())) {
			Document found = client.getDatabase("polyglot")
				.getCollection("products")
				.find(Filters.eq("sku", "BOOK-1"))
				.first();
			assertThat(found).isNotNull();
			assertThat(found.get("attributes", Document.class).getString("author")).isEqualTo("Le Guin");
		}
		finally {
			restarted.stop();
		}
	}

	@Test
	void testModeKeepsDataInMemoryOfItsOwnProcess() {
		MongoStore store = new MongoStore(new StoreOptions(this.data, Ports.free(), Duration.ofSeconds(30), false));
		store.start();
		try {
			assertThat(store.implementation()).contains("memory");
			assertThat(store.pid()).isPresent().isNotEqualTo(ProcessHandle.current().pid());
		}
		finally {
			store.stop();
		}
		assertThat(this.data.resolve(MongoStore.DATA_FILE)).doesNotExist();
	}

	@Test
	void acknowledgedWritesSurviveKillOfTheServerProcess() {
		StoreOptions options = new StoreOptions(this.data, Ports.free(), Duration.ofSeconds(30), true);
		MongoStore store = new MongoStore(options);
		store.start();
		int acknowledged = 100;
		try (MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> stock = client.getDatabase("polyglot").getCollection("stock");
			stock.insertOne(new Document("_id", "BOOK-1").append("held", 0));
			for (int i = 0; i < acknowledged; i++) {
				stock.insertOne(new Document("_id", "hold-" + i));
				stock.updateOne(Filters.eq("_id", "BOOK-1"), new Document("$inc", new Document("held", 1)));
			}
			// no pause, no clean stop: SIGKILL right after the last acknowledgement
			Kill.nine(store.pid().orElseThrow());
		}
		store.stop();

		MongoStore restarted = new MongoStore(options);
		restarted.start();
		try (MongoClient client = MongoClients.create(restarted.connectionString())) {
			MongoCollection<Document> stock = client.getDatabase("polyglot").getCollection("stock");
			assertThat(stock.countDocuments(Filters.regex("_id", "^hold-"))).isEqualTo(acknowledged);
			assertThat(stock.find(Filters.eq("_id", "BOOK-1")).first().getInteger("held")).isEqualTo(acknowledged);
		}
		finally {
			restarted.stop();
		}
	}

}
