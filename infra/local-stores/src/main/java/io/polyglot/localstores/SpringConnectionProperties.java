package io.polyglot.localstores;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring Boot connection properties (as plain names and values, no Spring types) that
 * point a client at running local stores; one mapping for the local run, the app's tests
 * and every adapter's tests, so they all connect the same way.
 */
public final class SpringConnectionProperties {

	private SpringConnectionProperties() {
	}

	/** Properties for whichever of the five stores are in {@code stores}. */
	public static Map<String, Object> of(LocalStores stores) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (stores.stores().containsKey("postgres")) {
			properties.put("spring.datasource.url", stores.postgres().jdbcUrl());
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		if (stores.stores().containsKey("mongodb")) {
			properties.put("spring.mongodb.uri", stores.mongodb().connectionString()
					+ "/polyglot?serverSelectionTimeoutMS=3000&connectTimeoutMS=3000");
			properties.put("polyglot.mongodb.server-description", stores.mongodb().implementation());
		}
		if (stores.stores().containsKey("redis")) {
			properties.put("spring.data.redis.host", stores.redis().host());
			properties.put("spring.data.redis.port", stores.redis().port());
		}
		if (stores.stores().containsKey("cassandra")) {
			properties.put("spring.cassandra.contact-points",
					stores.cassandra().host() + ":" + stores.cassandra().port());
			properties.put("spring.cassandra.local-datacenter", "datacenter1");
		}
		if (stores.stores().containsKey("neo4j")) {
			properties.put("spring.neo4j.uri", stores.neo4j().boltUri());
		}
		return properties;
	}

}
