package io.polyglot.app.routing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Which store serves each routable concern ({@code polyglot.routing.*}): the specialised
 * store by default, or PostgreSQL. Customers, wallets, orders, the outbox and idempotency
 * keys are always on PostgreSQL, so PostgreSQL is always needed.
 *
 * @param catalog {@code mongodb} or {@code postgres}: the catalog and its stock
 * @param sessions {@code redis} or {@code postgres}: sessions and the login throttle
 * @param eventLog {@code cassandra} or {@code postgres}: the event log
 * @param socialGraph {@code neo4j} or {@code postgres}: people and friendships
 */
public record Routing(String catalog, String sessions, String eventLog, String socialGraph) {

	/** The property prefix. */
	public static final String PREFIX = "polyglot.routing";

	/** The store every concern may be routed to. */
	public static final String POSTGRES = "postgres";

	/** Each concern's property name and its default (specialised) store. */
	static final Map<String, String> DEFAULTS = Map.of("catalog", "mongodb", "sessions", "redis", "event-log",
			"cassandra", "social-graph", "neo4j");

	public Routing {
		check("catalog", catalog);
		check("sessions", sessions);
		check("event-log", eventLog);
		check("social-graph", socialGraph);
	}

	/** Every concern on its specialised store. */
	public static Routing defaults() {
		return new Routing("mongodb", "redis", "cassandra", "neo4j");
	}

	/**
	 * The routing from a property lookup (an Environment, system properties); absent or
	 * blank values mean the default store.
	 * @throws IllegalArgumentException naming the property when a value is neither the
	 * concern's default store nor {@code postgres}
	 */
	public static Routing from(UnaryOperator<@Nullable String> properties) {
		return new Routing(value(properties, "catalog"), value(properties, "sessions"), value(properties, "event-log"),
				value(properties, "social-graph"));
	}

	/** Concern (as its property names it) to store, in a fixed order. */
	public Map<String, String> byConcern() {
		Map<String, String> stores = new LinkedHashMap<>();
		stores.put("catalog", this.catalog);
		stores.put("sessions", this.sessions);
		stores.put("event-log", this.eventLog);
		stores.put("social-graph", this.socialGraph);
		return stores;
	}

	/** The stores this routing needs running: PostgreSQL and each concern's store. */
	public Set<String> stores() {
		Set<String> stores = new LinkedHashSet<>(List.of(POSTGRES));
		stores.addAll(byConcern().values());
		return stores;
	}

	/** Whether the store serves no concern under this routing. */
	public boolean unused(String store) {
		return !stores().contains(store);
	}

	private static String value(UnaryOperator<@Nullable String> properties, String concern) {
		String value = properties.apply(PREFIX + "." + concern);
		return (value == null || value.isBlank()) ? DEFAULTS.get(concern) : value.trim();
	}

	private static void check(String concern, String store) {
		String specialised = DEFAULTS.get(concern);
		if (!specialised.equals(store) && !POSTGRES.equals(store)) {
			throw new IllegalArgumentException(
					PREFIX + "." + concern + " must be " + specialised + " or " + POSTGRES + ", not '" + store + "'");
		}
	}

}
