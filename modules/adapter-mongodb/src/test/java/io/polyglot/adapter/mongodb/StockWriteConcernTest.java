package io.polyglot.adapter.mongodb;

import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Stock changes wait for a majority of a replica set by default, and the property alone
 * changes that; the MongoDB client itself connects lazily, so no server is needed here.
 */
class StockWriteConcernTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration.class,
						org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration.class,
						MongoAdapterAutoConfiguration.class))
		// Boot's conversions (e.g. "2s" to a Duration), as a running application has them
		.withInitializer((context) -> context.getBeanFactory()
			.setConversionService(ApplicationConversionService.getSharedInstance()))
		.withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:1,127.0.0.2:1/polyglot?replicaSet=rs0&w=majority");

	@Test
	void stockWritesWaitForAMajorityByDefault() {
		this.contexts.run((context) -> assertThat(context.getBean(MongoStock.class).writeConcern())
			.isEqualTo(WriteConcern.MAJORITY));
	}

	@Test
	void thePropertyChangesTheStockWriteConcern() {
		this.contexts.withPropertyValues("polyglot.catalog.stock-write-concern=2")
			.run((context) -> assertThat(context.getBean(MongoStock.class).writeConcern())
				.isEqualTo(new WriteConcern(2)));
	}

	@Test
	void aMalformedWriteConcernIsRefusedWithTheAcceptedForms() {
		assertThatIllegalArgumentException().isThrownBy(() -> MongoStock.writeConcern("all"))
			.withMessageContaining("'majority' or a number");
		assertThatIllegalArgumentException().isThrownBy(() -> MongoStock.writeConcern("0"));
		assertThat(MongoStock.writeConcern(" MAJORITY ")).isEqualTo(WriteConcern.MAJORITY);
	}

}
