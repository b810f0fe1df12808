package io.polyglot.app.resilience;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registers the per-store bulkheads (a bean post-processor, so bound from the environment
 * directly rather than through a properties bean) and their metrics
 * ({@code resilience4j.bulkhead.available.concurrent.calls{name=<store>}}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreBulkheadConfiguration {

	@Bean
	static BulkheadRegistry storeBulkheadRegistry() {
		return BulkheadRegistry.ofDefaults();
	}

	@Bean
	static StoreBulkheads storeBulkheads(BulkheadRegistry storeBulkheadRegistry, Environment environment) {
		BulkheadProperties properties = Binder.get(environment)
			.bindOrCreate("polyglot.bulkhead", BulkheadProperties.class);
		return new StoreBulkheads(storeBulkheadRegistry, properties);
	}

	@Bean
	MeterBinder storeBulkheadMetrics(BulkheadRegistry storeBulkheadRegistry) {
		return TaggedBulkheadMetrics.ofBulkheadRegistry(storeBulkheadRegistry);
	}

}
