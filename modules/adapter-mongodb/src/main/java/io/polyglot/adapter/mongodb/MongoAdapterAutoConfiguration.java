package io.polyglot.adapter.mongodb;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Wires the MongoDB adapter: its health component, the catalog, the stock orders reserve
 * from (on the same product documents), the catalog's indexes at startup, and short
 * client timeouts so a request fails fast (503) while MongoDB is down.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
class MongoAdapterAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MongoAdapterAutoConfiguration.class);

	@Bean
	MongoHealthIndicator mongodbHealthIndicator(MongoTemplate mongo,
			@Value("${polyglot.mongodb.server-description:}") String serverDescription) {
		return new MongoHealthIndicator(mongo, serverDescription);
	}

	/**
	 * The driver waits 30 s for a server by default: every catalog request would hang
	 * that long while MongoDB is down.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer polyglotMongoTimeouts(
			@Value("${polyglot.catalog.server-selection-timeout:2s}") Duration serverSelection,
			@Value("${polyglot.catalog.connect-timeout:2s}") Duration connect,
			@Value("${polyglot.catalog.read-timeout:10s}") Duration read) {
		return (settings) -> settings
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(read.toMillis(), TimeUnit.MILLISECONDS));
	}

	@Bean
	@ConditionalOnMissingBean(Catalog.class)
	MongoCatalog mongoCatalog(MongoTemplate mongo) {
		return new MongoCatalog(mongo.getDb());
	}

	@Bean
	@ConditionalOnMissingBean(Stock.class)
	MongoStock mongoStock(MongoTemplate mongo,
			@Value("${polyglot.catalog.stock-write-concern:majority}") String writeConcern) {
		return new MongoStock(mongo, MongoCatalog.PRODUCTS, MongoStock.writeConcern(writeConcern));
	}

	/**
	 * Indexes at startup; a MongoDB that is down does not stop the service, the catalog
	 * creates them on first use instead.
	 */
	@Bean
	ApplicationRunner catalogIndexes(MongoCatalog catalog) {
		return (args) -> {
			try {
				catalog.ensureIndexes();
			}
			catch (StoreUnavailableException ex) {
				log.warn("Catalog indexes not created at startup (MongoDB unavailable); they will be on first use");
			}
		};
	}

}
