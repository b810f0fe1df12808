package io.polyglot.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The {@code testcontainers} Maven profile's store source: the genuine images of
 * docker-compose.yml, started once per test JVM, in place of infra/local-stores (which
 * steps aside because the profile sets {@code polyglot.test.stores=external}).
 */
class TestcontainersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!"external".equals(System.getProperty("polyglot.test.stores"))) {
			return null;
		}
		return new GenuineStoresCustomizer();
	}

	/** Adds the containers' connection properties; equal for all tests so contexts are cached. */
	private static final class GenuineStoresCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("genuineStores", GenuineStores.properties()));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof GenuineStoresCustomizer;
		}

		@Override
		public int hashCode() {
			return GenuineStoresCustomizer.class.hashCode();
		}

	}

	/** The five containers, started together on first use and stopped by Testcontainers' reaper. */
	private static final class GenuineStores {

		private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17")
			.withDatabaseName("polyglot");

		private static final MongoDBContainer MONGODB = new MongoDBContainer("mongo:8");

		private static final GenericContainer<?> REDIS = new GenericContainer<>("redis:7").withExposedPorts(6379);

		private static final CassandraContainer CASSANDRA = new CassandraContainer("cassandra:5.0");

		private static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withoutAuthentication();

		private static @Nullable Map<String, Object> properties;

		static synchronized Map<String, Object> properties() {
			if (properties == null) {
				if (!DockerClientFactory.instance().isDockerAvailable()) {
					throw new IllegalStateException("the testcontainers profile needs a Docker engine; "
							+ "run without -Ptestcontainers to use infra/local-stores");
				}
				Startables.deepStart(Stream.of(POSTGRES, MONGODB, REDIS, CASSANDRA, NEO4J)).join();
				Map<String, Object> map = new LinkedHashMap<>();
				map.put("spring.datasource.url", POSTGRES.getJdbcUrl());
				map.put("spring.datasource.username", POSTGRES.getUsername());
				map.put("spring.datasource.password", POSTGRES.getPassword());
				map.put("spring.mongodb.uri", MONGODB.getReplicaSetUrl("polyglot"));
				map.put("spring.data.redis.host", REDIS.getHost());
				map.put("spring.data.redis.port", REDIS.getMappedPort(6379));
				map.put("spring.cassandra.contact-points",
						CASSANDRA.getContactPoint().getHostString() + ":" + CASSANDRA.getContactPoint().getPort());
				map.put("spring.cassandra.local-datacenter", CASSANDRA.getLocalDatacenter());
				map.put("spring.neo4j.uri", NEO4J.getBoltUrl());
				properties = map;
			}
			return properties;
		}

	}

}
