package io.polyglot.app;

import java.util.LinkedHashMap;
import java.util.Map;

import io.polyglot.localstores.LocalStores;

/**
 * The Spring connection properties that point the service at running local stores; shared
 * by the local run and the tests so both connect the same way.
 */
public final class LocalStoresProperties {

	private LocalStoresProperties() {
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
