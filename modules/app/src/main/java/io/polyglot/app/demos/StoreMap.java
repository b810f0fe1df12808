package io.polyglot.app.demos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.search.Search;
import io.polyglot.app.routing.Routing;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The live store map of the demo page: each concern's store under the routing in force
 * ({@code polyglot.routing.*}) with its health, implementation and version (from the
 * store's health component), its operations per second and p99 (from the service's own
 * Micrometer timers, since the previous sample), and the outbox backlog per consumer.
 * <p>
 * Timers are looked up in order: timers tagged {@code store=<name>} (per-store port
 * timers), then the driver's own timer, then the HTTP timers of the endpoints of the
 * store's concerns; the answer names the source used.
 */
public final class StoreMap {

	/** Driver timers used when no timer is tagged with the store. */
	static final Map<String, String> DRIVER_TIMERS = Map.of("postgres", "hikaricp.connections.usage", "mongodb",
			"mongodb.driver.commands", "redis", "lettuce.command.completion");

	/** Every timer name the store map may fall back to. */
	static final Set<String> FALLBACK_TIMERS = Set.of("hikaricp.connections.usage", "mongodb.driver.commands",
			"lettuce.command.completion", "http.server.requests");

	/** The endpoints of each store's concerns, for the HTTP fallback. */
	static final Map<String, List<String>> ENDPOINTS = Map.of("postgres",
			List.of("/api/v1/customers", "/api/v1/accounts", "/api/v1/transfers", "/api/v1/orders", "/api/v1/admin"),
			"mongodb", List.of("/api/v1/products", "/api/v1/categories"), "redis", List.of("/api/v1/sessions"),
			"cassandra", List.of("/api/v1/events", "/api/v1/me/activity"), "neo4j",
			List.of("/api/v1/friends", "/api/v1/customers/{id}/path", "/api/v1/recommendations"));

	/** What PostgreSQL always holds, whatever the routing. */
	static final List<String> RELATIONAL_CONCERNS = List.of("customers", "wallet accounts", "transfers and ledger",
			"orders", "outbox", "idempotency keys");

	/** What each routable concern (as {@code polyglot.routing.*} names it) holds. */
	static final Map<String, List<String>> ROUTABLE_CONCERNS = Map.of("catalog", List.of("product catalog", "stock"),
			"sessions", List.of("sessions", "login throttle"), "event-log", List.of("event log", "activity timelines"),
			"social-graph", List.of("friendships", "friends-of-friends", "paths"));

	static final List<String> STORES = List.of("postgres", "mongodb", "redis", "cassandra", "neo4j");

	private final Map<String, HealthIndicator> indicators;

	private final MeterRegistry meters;

	private final Map<String, Sample> previous = new HashMap<>();

	/**
	 * One thread per health component, so a store that takes its full timeout to fail
	 * does not delay the others (the common pool has one thread on a 2-core machine).
	 */
	private final ExecutorService checks = Executors.newFixedThreadPool(STORES.size() + 1, (task) -> {
		Thread thread = new Thread(task, "demo-store-map");
		thread.setDaemon(true);
		return thread;
	});

	private final Routing routing;

	StoreMap(Map<String, HealthIndicator> indicators, MeterRegistry meters, Routing routing) {
		this.indicators = indicators;
		this.meters = meters;
		this.routing = routing;
	}

	/**
	 * What each store holds under the routing in force: a concern routed to PostgreSQL is
	 * listed there, and its specialised store holds nothing.
	 */
	Map<String, List<String>> concerns() {
		Map<String, List<String>> concerns = new LinkedHashMap<>();
		STORES.forEach((store) -> concerns.put(store, new ArrayList<>()));
		concerns.get(Routing.POSTGRES).addAll(RELATIONAL_CONCERNS);
		this.routing.byConcern()
			.forEach((concern, store) -> concerns.get(store).addAll(ROUTABLE_CONCERNS.get(concern)));
		return concerns;
	}

	/** The map now. */
	public Map<String, Object> now() {
		Map<String, CompletableFuture<Health>> health = new LinkedHashMap<>();
		for (String store : STORES) {
			health.put(store, CompletableFuture.supplyAsync(() -> health(store), this.checks));
		}
		CompletableFuture<Health> outbox = CompletableFuture.supplyAsync(() -> health("outbox"), this.checks);
		Map<String, List<String>> concerns = concerns();
		List<Map<String, Object>> stores = new ArrayList<>();
		for (String store : STORES) {
			Health state = await(health.get(store));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("store", store);
			entry.put("concerns", concerns.get(store));
			entry.put("routed", !this.routing.unused(store));
			entry.put("status", state.getStatus().getCode());
			Object implementation = state.getDetails().get("implementation");
			entry.put("implementation", (implementation != null) ? implementation : "unknown (store unreachable)");
			if (state.getDetails().containsKey("error")) {
				entry.put("error", String.valueOf(state.getDetails().get("error")));
			}
			entry.putAll(rates(store));
			stores.add(entry);
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("sampledAt", Instant.now().toString());
		map.put("routing", this.routing.byConcern());
		map.put("stores", stores);
		Health outboxHealth = await(outbox);
		map.put("outbox", outboxHealth.getDetails().getOrDefault("consumers", Map.of()));
		return map;
	}

	private Health health(String name) {
		HealthIndicator indicator = this.indicators.get(name + "HealthIndicator");
		if (indicator == null) {
			return Health.unknown().withDetail("error", "no health component").build();
		}
		try {
			Health health = indicator.health();
			return (health != null) ? health : Health.unknown().build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("error", String.valueOf(ex.getMessage())).build();
		}
	}

	private static Health await(@Nullable CompletableFuture<Health> future) {
		try {
			return (future != null) ? future.get(5, TimeUnit.SECONDS) : Health.unknown().build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", "health check timed out").build();
		}
	}

	/**
	 * Ops/s and p99 since the previous call, from the first timer source that has data.
	 */
	private synchronized Map<String, Object> rates(String store) {
		String source = "timers tagged store=" + store;
		List<Timer> timers = new ArrayList<>(Search.in(this.meters).tag("store", store).timers());
		timers.removeIf((timer) -> timer.getId().getName().startsWith("polyglot.demo"));
		if (timers.isEmpty() && DRIVER_TIMERS.containsKey(store)) {
			source = DRIVER_TIMERS.get(store);
			timers = new ArrayList<>(this.meters.find(source).timers());
		}
		if (timers.isEmpty()) {
			source = "http.server.requests of " + String.join(", ", ENDPOINTS.get(store));
			timers = new ArrayList<>(this.meters.find("http.server.requests").timers());
			timers.removeIf((timer) -> !ENDPOINTS.get(store)
				.stream()
				.anyMatch((prefix) -> String.valueOf(timer.getId().getTag("uri")).startsWith(prefix)));
		}
		long count = 0;
		double p99 = 0;
		boolean anyPercentile = false;
		double max = 0;
		Map<String, Long> counts = new HashMap<>();
		Sample last = this.previous.get(store);
		for (Timer timer : timers) {
			long timerCount = timer.count();
			count += timerCount;
			String key = timer.getId().toString();
			counts.put(key, timerCount);
			boolean active = last == null || timerCount > last.counts().getOrDefault(key, 0L);
			if (!active) {
				continue;
			}
			max = Math.max(max, timer.max(TimeUnit.MILLISECONDS));
			for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
				if (value.percentile() == 0.99) {
					anyPercentile = true;
					p99 = Math.max(p99, value.value(TimeUnit.MILLISECONDS));
				}
			}
		}
		Instant now = Instant.now();
		this.previous.put(store, new Sample(now, count, counts));
		Map<String, Object> rates = new LinkedHashMap<>();
		rates.put("metricSource", source);
		rates.put("operations", count);
		if (last != null) {
			double seconds = Math.max(0.001, Duration.between(last.at(), now).toMillis() / 1000.0);
			rates.put("opsPerSecond", Math.round(Math.max(0, count - last.count()) / seconds * 10) / 10.0);
		}
		else {
			rates.put("opsPerSecond", null);
		}
		// boxed on purpose: a conditional mixing double and null unboxes the null (NPE)
		Double p99Millis = null;
		if (anyPercentile) {
			p99Millis = round(p99);
		}
		else if (max > 0) {
			p99Millis = round(max);
		}
		rates.put("p99Millis", p99Millis);
		rates.put("p99Kind", anyPercentile ? "p99 (slowest operation's rolling p99)" : "max (no percentiles)");
		return rates;
	}

	private static double round(double millis) {
		return Math.round(millis * 1000) / 1000.0;
	}

	private record Sample(Instant at, long count, Map<String, Long> counts) {
	}

}
