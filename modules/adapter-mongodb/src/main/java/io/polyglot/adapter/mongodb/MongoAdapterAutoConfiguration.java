package io.polyglot.adapter.mongodb;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.polyglot.domain.catalog.Catalog;
import io.polyglot.domain.order.Stock;
import io.polyglot.domain.shared.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Wires the MongoDB adapter: its health component, the catalog, the stock orders reserve
 * from (on the same product documents), the catalog's indexes at startup, and short
 * client timeouts so a request fails fast (503) while MongoDB is down.
 */
// the concern's default store; polyglot.routing.catalog=postgres routes it to
// PostgreSQL instead
@ConditionalOnProperty(name = "polyglot.routing.catalog", havingValue = "mongodb", matchIfMissing = true)
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
	 * that long while MongoDB is down. Retried reads are off by default: a read retried
	 * after a read timeout waits the timeout again (a paused MongoDB answered an order
	 * after 5.7 s); with a replica set, turn them on together with a shorter read
	 * timeout. Writes keep the driver's default: retried on a replica set only (the
	 * connection string may set it).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer polyglotMongoTimeouts(
			@Value("${polyglot.catalog.server-selection-timeout:2s}") Duration serverSelection,
			@Value("${polyglot.catalog.connect-timeout:2s}") Duration connect,
			@Value("${polyglot.catalog.read-timeout:2500ms}") Duration read,
			@Value("${polyglot.catalog.pool-wait-timeout:2s}") Duration poolWait,
			@Value("${polyglot.catalog.retry-reads:false}") boolean retryReads) {
		return (settings) -> settings.retryReads(retryReads)
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(poolWait.toMillis(), TimeUnit.MILLISECONDS))
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
	ApplicationRunner catalogIndexes(ObjectProvider<Catalog> catalogs) {
		return (args) -> {
			// the port may be decorated (the app's store bulkheads): index the catalog
			// behind it when it is ours
			Catalog catalog = catalogs.getIfAvailable();
			Object target = (catalog != null) ? AopProxyUtils.getSingletonTarget(catalog) : null;
			MongoCatalog mongo = (catalog instanceof MongoCatalog direct) ? direct
					: (target instanceof MongoCatalog decorated) ? decorated : null;
			if (mongo == null) {
				return;
			}
			try {
				mongo.ensureIndexes();
			}
			catch (StoreUnavailableException ex) {
				log.warn("Catalog indexes not created at startup (MongoDB unavailable); they will be on first use");
			}
		};
	}

}
