package io.polyglot.adapter.mongodb;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the MongoDB adapter: its health component and, later, the catalog. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
class MongoAdapterAutoConfiguration {

	@Bean
	MongoHealthIndicator mongodbHealthIndicator(MongoTemplate mongo,
			@Value("${polyglot.mongodb.server-description:}") String serverDescription) {
		return new MongoHealthIndicator(mongo, serverDescription);
	}

}
