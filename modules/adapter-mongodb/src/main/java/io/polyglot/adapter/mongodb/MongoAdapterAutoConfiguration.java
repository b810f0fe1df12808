package io.polyglot.adapter.mongodb;

import io.polyglot.domain.order.Stock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the MongoDB adapter: its health component, the catalog and its stock. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
class MongoAdapterAutoConfiguration {

	@Bean
	MongoHealthIndicator mongodbHealthIndicator(MongoTemplate mongo,
			@Value("${polyglot.mongodb.server-description:}") String serverDescription) {
		return new MongoHealthIndicator(mongo, serverDescription);
	}

	@Bean
	@ConditionalOnMissingBean(Stock.class)
	MongoStock mongoStock(MongoTemplate mongo, @Value("${polyglot.currency:EUR}") String currency) {
		return new MongoStock(mongo, MongoStock.PRODUCTS, currency);
	}

}
