package io.polyglot.app.resilience;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many calls may be in flight against one store at a time
 * ({@code polyglot.bulkhead.*}); a call past the limit waits up to {@code maxWait} and
 * then fails as store-unavailable, so a hung store holds at most that many request
 * threads at once.
 *
 * @param maxConcurrentCalls the limit of every store without its own entry
 * @param maxWait how long a call waits for a free place before it is refused
 * @param stores per-store limits by store name (postgres, mongodb, redis, cassandra,
 * neo4j) as in health
 */
@ConfigurationProperties("polyglot.bulkhead")
public record BulkheadProperties(@DefaultValue("64") int maxConcurrentCalls, @DefaultValue("100ms") Duration maxWait,
		@Nullable Map<String, Integer> stores) {

	public BulkheadProperties {
		if (maxConcurrentCalls < 1) {
			throw new IllegalArgumentException("polyglot.bulkhead.max-concurrent-calls must be at least 1");
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("polyglot.bulkhead.max-wait must not be negative");
		}
		stores = (stores != null) ? Map.copyOf(stores) : Map.of();
	}

	/** The limit of the named store. */
	public int limitOf(String store) {
		Integer limit = (this.stores != null) ? this.stores.get(store) : null;
		return (limit != null) ? limit : this.maxConcurrentCalls;
	}

}
