package io.polyglot.adapter.mongodb;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The MongoDB side of the architecture demos, only when demos are switched on; their
 * collections live in a database of their own ({@code polyglot.demos.mongodb-database}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
class MongoDemoAutoConfiguration {

	@Bean
	MongoDemoDatabase mongoDemoDatabase(MongoTemplate mongo,
			@Value("${polyglot.demos.mongodb-database:polyglot_demo}") String database) {
		return new MongoDemoDatabase(mongo.getMongoDatabaseFactory().getMongoDatabase(database));
	}

	@Bean
	MongoIntegrityPlayground mongoIntegrityPlayground(MongoDemoDatabase demo) {
		return new MongoIntegrityPlayground(demo);
	}

	@Bean
	MongoCustomerOrders mongoCustomerOrders(MongoDemoDatabase demo) {
		return new MongoCustomerOrders(demo);
	}

	@Bean
	MongoTransfers mongoTransfers(MongoDemoDatabase demo) {
		return new MongoTransfers(demo);
	}

}
